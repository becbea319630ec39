package dev.lambdaguard.auth.internal;

import dev.lambdaguard.Reason;

/**
 * Why a token was refused: a reason code and a fixed description that never contains token content.
 *
 * @param reason the stable reason code
 * @param detail a safe description, e.g. "the token has expired"
 */
public record Refusal(Reason reason, String detail) {}
