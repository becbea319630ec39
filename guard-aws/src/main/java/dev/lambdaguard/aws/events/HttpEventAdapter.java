package dev.lambdaguard.aws.events;

import dev.lambdaguard.Denial;
import dev.lambdaguard.GuardRequest;
import dev.lambdaguard.Invocation;
import dev.lambdaguard.Outcome.Header;
import java.util.List;

/**
 * Translates one HTTP event type to the guard's request view, and the guard's answers back to that event
 * type's own response. Knows AWS event types and nothing about security. Stateless and thread-safe.
 *
 * @param <E> the event type
 */
public interface HttpEventAdapter<E> {

  /** The event type this adapter reads. */
  Class<E> eventType();

  /** An event of this type carrying nothing: stands in for one the runtime could not read, to answer its denial. */
  E emptyEvent();

  /** The normalized request; never throws for any event the runtime could deserialize. */
  GuardRequest toRequest(E event, Invocation ids);

  /** The event type's own response for a denial: status, JSON error body, headers. */
  Object denialResponse(E event, Denial denial, Invocation ids);

  /**
   * Merges headers that interceptors added on the way out into the handler's response, when the response
   * is of this event type's response class; any other object is returned untouched.
   */
  Object addHeaders(E event, Object response, List<Header> headers);
}
