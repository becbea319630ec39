package dev.lambdaguard.input.detect;

import dev.lambdaguard.input.Category;

/**
 * The XSS rules, each with its stable id and score; the detections are built once here, so a scan allocates none.
 * Where a rule is surer inside markup than in free text, it appears twice with the same id.
 */
enum XssRule {
  /** A {@code <script} start tag, complete or not, any casing or namespace prefix. */
  SCRIPT_TAG("xss.script-tag", 95),
  /** An {@code on*} attribute with a value on a tag (or an SVG animation that sets one). */
  EVENT_HANDLER("xss.event-handler", 90),
  /** A {@code javascript:}, {@code vbscript:}, {@code livescript:} or {@code mocha:} URL in an attribute. */
  JS_URL_IN_TAG("xss.js-url", 90),
  /** An executing {@code data:} URL (HTML, XHTML, XML, SVG, script) in an attribute. */
  DATA_URL_IN_TAG("xss.data-url", 85),
  /** A quote or a space that ends an attribute value, then an {@code on*} attribute with code. */
  ATTRIBUTE_BREAKOUT("xss.attribute-breakout", 85),
  /** IE's CSS {@code expression(...)}, or a CSS {@code behavior}/{@code -moz-binding} that loads code. */
  CSS_EXPRESSION("xss.css-expression", 85),
  /** A script URL with code after it, outside markup (a value that is itself a link). */
  JS_URL("xss.js-url", 80),
  /** A tag that loads or redirects to active content: frames, plugins, base, meta refresh, imports, islands. */
  DANGEROUS_TAG("xss.dangerous-tag", 80),
  /** An executing {@code data:} URL outside markup. */
  DATA_URL("xss.data-url", 75),
  /** A string or statement breakout in a script context that calls something and keeps the page parsing. */
  JS_CONTEXT("xss.js-context", 75),
  /** Script for a script context reaching execution: computed global calls, dialogs as values, fed sinks. */
  JS_SINK("xss.js-sink", 60),
  /** A call whose name is spelled with escapes or character references (<code>al&#92;u0065rt(1)</code>). */
  OBFUSCATED_CALL("xss.obfuscated-call", 70),
  /** Markup written in UTF-7 or with the high bit set: inert text unless a browser is tricked into that charset. */
  ENCODED_MARKUP("xss.encoded-markup", 50),
  /** A value that is nothing but an encoded angle bracket: a scanner's reflection probe. Cannot run alone. */
  ENCODED_PROBE("xss.encoded-probe", 40);

  final Detection detection;

  XssRule(String id, int score) {
    this.detection = new Detection(Category.XSS, id, score);
  }

  int score() {
    return detection.score();
  }
}
