package org.metrolims.app.certificate;

import jakarta.validation.constraints.NotNull;

/** "Send again" on a batch item whose e-mail failed or had no address: which calibration's certificate. */
record ResendMailForm(@NotNull Long calibrationId) {
}
