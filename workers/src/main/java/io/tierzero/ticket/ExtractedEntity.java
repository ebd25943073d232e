package io.tierzero.ticket;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Something recognised in a request (a user name, a host, a mailbox) with how sure we are of it. */
public record ExtractedEntity(
        @NotBlank @Size(max = 64) String type,
        @NotBlank @Size(max = 512) String value,
        @DecimalMin("0.0") @DecimalMax("1.0") double confidence) {
}
