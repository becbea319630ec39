package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;

/**
 * Server-side template injection: template syntax that computes or reaches the runtime, in the delimiters of the
 * common engines: {@code {{ }}} (Jinja2, Twig, Handlebars, Nunjucks, doT), {@code {% %}} tags, {@code ${ }},
 * {@code #{ }}, {@code *{ }}, {@code %{ }} (EL, SpEL, Thymeleaf, OGNL, FreeMarker, Mako, Groovy, Pug),
 * {@code <% %>} (ERB, EJS, JSP, Mako), {@code [= ]} and {@code [#…]} (FreeMarker), {@code @( )} and {@code @{ }}
 * (Razor), Velocity {@code #set(…)}, FreeMarker {@code <#assign>}, Smarty {@code {7*7}}, {@code {php}},
 * {@code {system(…)}}, {@code {$smarty}}; and, anywhere, Python dunder chains ({@code x.__globals__}),
 * FreeMarker {@code ?new()} and SpEL {@code T(java.…)}. A {@code ${prefix:key}} lookup is left to
 * {@link JndiDetector}.
 *
 * <p>What passes: placeholders without computation ({@code {{name}}}, {@code {{ user.first_name }}},
 * {@code ${price}}, JavaScript template literals like {@code ${total}} or {@code ${user.getName()}}), prices,
 * braces in prose, JSON, code with single braces. A merge-tag field of a message template legitimately holds
 * {@code {{first_name}}}: a placeholder only names a value, it cannot compute, so it is not flagged, except the
 * engine objects that lead to internals ({@code {{self}}}, {@code {{request}}}, {@code {{config}}}). Inside
 * {@code ${ }}, which JavaScript template literals share, only what a template attack needs counts: arithmetic on
 * literals, reflection, runtime objects, assignments, FreeMarker built-ins; a call or an attribute chain alone
 * does not.
 *
 * <p>Rules (highest first): {@code ssti.command-exec} (100), {@code ssti.java-runtime} (95),
 * {@code ssti.object-chain} (90), {@code ssti.polyglot} (85, three or more kinds of template delimiters, the
 * probe that finds the engine), {@code ssti.directive} (80, control tags), {@code ssti.expression} (80).
 *
 * <p>A value whose character set lacks every delimiter is left after a few comparisons
 * ({@link SstiScanner#mayHold}); otherwise one pass over the value with a table of trigger characters; each
 * delimiter's content is read at most once and at most {@value SstiExpression#MAX_CHARS} characters far, so work
 * is linear. Stateless and thread-safe.
 */
public final class SstiDetector implements Detector {

  static final Detection EXPRESSION = new Detection(Category.SSTI, "ssti.expression", 80);
  static final Detection DIRECTIVE = new Detection(Category.SSTI, "ssti.directive", 80);
  static final Detection POLYGLOT = new Detection(Category.SSTI, "ssti.polyglot", 85);
  static final Detection OBJECT_CHAIN = new Detection(Category.SSTI, "ssti.object-chain", 90);
  static final Detection JAVA_RUNTIME = new Detection(Category.SSTI, "ssti.java-runtime", 95);
  static final Detection COMMAND_EXEC = new Detection(Category.SSTI, "ssti.command-exec", 100);

  public SstiDetector() {}

  @Override
  public Category category() {
    return Category.SSTI;
  }

  @Override
  public Normalized.CharSet triggers() {
    return SstiScanner.OPENERS;
  }

  @Override
  public Detection detect(Normalized value) {
    if (!SstiScanner.mayHold(value)) {
      return null;
    }
    return toDetection(SstiScanner.scan(value.decoded()));
  }

  private static Detection toDetection(int level) {
    switch (level) {
      case SstiExpression.EXEC:
        return COMMAND_EXEC;
      case SstiExpression.JAVA:
        return JAVA_RUNTIME;
      case SstiExpression.OBJECT:
        return OBJECT_CHAIN;
      case SstiExpression.POLYGLOT:
        return POLYGLOT;
      case SstiExpression.DIRECTIVE:
        return DIRECTIVE;
      case SstiExpression.EXPR:
        return EXPRESSION;
      default:
        return null;
    }
  }
}
