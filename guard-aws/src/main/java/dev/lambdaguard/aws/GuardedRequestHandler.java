package dev.lambdaguard.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.lambdaguard.Denial;
import dev.lambdaguard.Guard;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.aws.events.ClientCertificates;
import dev.lambdaguard.aws.events.EventKind;
import dev.lambdaguard.aws.events.HttpEventAdapter;
import dev.lambdaguard.aws.events.RuntimeSerialization;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link RequestHandler} that runs every HTTP request through a {@link Guard} before the wrapped handler.
 *
 * <p>API Gateway REST and HTTP API, ALB and Function URL events are inspected; a denial is answered with
 * the event type's own response and the wrapped handler never runs. Every other event (SQS, SNS, S3...)
 * goes to the handler untouched, with a pass-through event. A handler that takes a {@code Map} is
 * recognised by the event's shape. The wrapped handler's exceptions propagate unchanged.
 *
 * <pre>{@code
 * public class Orders implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
 *   private static final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> GUARDED =
 *       GuardedRequestHandler.wrap(new OrdersHandler(), Guard.builder().strictJsonBodies().build());
 *
 *   public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
 *     return GUARDED.handleRequest(event, context);
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safe when the wrapped handler is.
 *
 * @param <I> the event type
 * @param <O> the response type
 */
public final class GuardedRequestHandler<I, O> implements RequestHandler<I, O> {

  private final RequestHandler<I, O> delegate;
  private final Guard guard;

  private GuardedRequestHandler(RequestHandler<I, O> delegate, Guard guard) {
    this.delegate = Objects.requireNonNull(delegate, "handler");
    this.guard = Objects.requireNonNull(guard, "guard");
    dev.lambdaguard.aws.snapstart.SnapStart.registerIfSnapStart(new HandlerSnapshot(guard), System.getenv());
  }

  /** Wraps {@code handler} so that {@code guard} decides before it runs. */
  public static <I, O> RequestHandler<I, O> wrap(RequestHandler<I, O> handler, Guard guard) {
    return new GuardedRequestHandler<>(handler, guard);
  }

  @Override
  public O handleRequest(I input, Context context) {
    Invocation ids = Invocations.from(context);
    if (input instanceof Map<?, ?> json) {
      EventKind kind = EventKind.ofJson(json);
      return kind.isHttp() ? handleMap(kind, kind.adapter(), input, ids, context) : passThrough(kind, input, ids, context);
    }
    EventKind kind = EventKind.ofInput(input);
    return kind.isHttp() ? handleTyped(kind.adapter(), input, ids, context) : passThrough(kind, input, ids, context);
  }

  private O passThrough(EventKind kind, I input, Invocation ids, Context context) {
    guard.passThrough(kind.source(), ids);
    return delegate.handleRequest(input, context);
  }

  @SuppressWarnings("unchecked")
  private <E> O handleTyped(HttpEventAdapter<E> adapter, I input, Invocation ids, Context context) {
    E event = (E) input;
    Outcome outcome = guard.handle(adapter.toRequest(event, ids), ids, sc -> delegate.handleRequest(input, context));
    if (outcome instanceof Denial denial) {
      return (O) adapter.denialResponse(event, denial, ids);
    }
    Outcome.Handled handled = (Outcome.Handled) outcome;
    return (O) adapter.addHeaders(event, handled.response(), handled.addedHeaders());
  }

  /** A handler that takes a Map: the event is read as its typed form, a denial answered as a Map. */
  @SuppressWarnings("unchecked")
  private <E> O handleMap(EventKind kind, HttpEventAdapter<E> adapter, I input, Invocation ids, Context context) {
    E event = UnreadableEvents.read(adapter, RuntimeSerialization.toJson(input));
    if (event == null) {
      return (O) asMap(UnreadableEvents.refuse(guard, kind, adapter, ids));
    }
    GuardRequest request = ClientCertificates.addTo(adapter.toRequest(event, ids), (Map<?, ?>) input);
    Outcome outcome = guard.handle(request, ids, sc -> delegate.handleRequest(input, context));
    if (outcome instanceof Denial denial) {
      return (O) asMap(adapter.denialResponse(event, denial, ids));
    }
    return (O) ((Outcome.Handled) outcome).response();
  }

  /** A response object as the Map a Map-typed handler returns. */
  private static Map<?, ?> asMap(Object response) {
    return JacksonFactory.getInstance().getMapper().convertValue(response, Map.class);
  }
}
