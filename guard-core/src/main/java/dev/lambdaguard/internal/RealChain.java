package dev.lambdaguard.internal;

import dev.lambdaguard.Chain;
import dev.lambdaguard.Denial;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Interceptor;
import dev.lambdaguard.Outcome;
import dev.lambdaguard.SecurityContext;
import java.util.List;
import java.util.Objects;

/**
 * The only {@link Chain}: an immutable cursor over the interceptor list. {@code proceed} calls the
 * interceptor at {@code index} with a new cursor at {@code index + 1}; past the last interceptor it calls
 * the terminal. The chain polices the contract here, once: each cursor proceeds at most once, an
 * interceptor never returns null, and whatever an interceptor throws becomes an {@link InterceptorFault}
 * that names it.
 */
public final class RealChain implements Chain {

  private final List<Interceptor> interceptors;
  private final int index;
  private final GuardRequest request;
  private final SecurityContext context;
  private final InvocationState state;
  private boolean proceeded;

  public RealChain(
      List<Interceptor> interceptors, int index, GuardRequest request, SecurityContext context, InvocationState state) {
    this.interceptors = interceptors;
    this.index = index;
    this.request = request;
    this.context = context;
    this.state = state;
  }

  @Override
  public GuardRequest request() {
    return request;
  }

  @Override
  public SecurityContext context() {
    return context;
  }

  @Override
  public Outcome proceed(SecurityContext next) {
    Objects.requireNonNull(next, "context");
    if (proceeded) {
      throw new IllegalStateException("proceed() called more than once by " + callerName());
    }
    proceeded = true;
    state.lastContext = next;
    if (index == interceptors.size()) {
      return state.invokeTerminal(next);
    }
    Interceptor interceptor = interceptors.get(index);
    Outcome outcome;
    try {
      outcome = interceptor.intercept(new RealChain(interceptors, index + 1, request, next, state));
    } catch (HandlerFailure | InterceptorFault passThrough) {
      throw passThrough;
    } catch (Exception | StackOverflowError | LinkageError e) {
      // Exception, not RuntimeException: a checked exception thrown undeclared (Kotlin, Lombok's
      // @SneakyThrows) is the interceptor's failure too, and must not leave the guard as if the handler threw it.
      // LinkageError (a class an interceptor needs is missing or failed to initialize) also fails closed.
      throw new InterceptorFault(interceptor.name(), e);
    }
    if (outcome == null) {
      throw new InterceptorFault(interceptor.name(), new NullPointerException("interceptor returned null"));
    }
    if (outcome instanceof Denial && state.deniedBy == null) {
      state.deniedBy = interceptor.name();
    }
    return outcome;
  }

  private String callerName() {
    return index == 0 ? "the guard" : interceptors.get(index - 1).name();
  }
}
