package dev.lambdaguard.examples.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Consumes order messages from SQS; not an HTTP request, so a guard passes it through untouched. */
public final class OrderQueueHandler implements RequestHandler<SQSEvent, String> {

  @Override
  public String handleRequest(SQSEvent event, Context context) {
    return "processed " + event.getRecords().size() + " message(s)";
  }
}
