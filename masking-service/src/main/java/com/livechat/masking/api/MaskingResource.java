package com.livechat.masking.api;

import com.livechat.masking.config.MaskingConfig;
import com.livechat.masking.policy.CurrentMaskingPolicy;
import com.livechat.masking.domain.MaskingPolicy;
import com.livechat.masking.domain.MaskingScope;
import com.livechat.masking.domain.SensitiveDataMasker;
import com.livechat.platform.problem.ApiException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Masks a text on demand, with the current policy or with explicit PCI/PII switches. */
@Path("/masking")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MaskingResource {

    private final SensitiveDataMasker masker;
    private final CurrentMaskingPolicy policy;
    private final MaskingConfig config;

    public MaskingResource(SensitiveDataMasker masker, CurrentMaskingPolicy policy, MaskingConfig config) {
        this.masker = masker;
        this.policy = policy;
        this.config = config;
    }

    @POST
    @Path("/mask")
    public MaskResponse mask(@Valid @NotNull MaskRequest request) {
        if (request.text().length() > config.maxTextLength()) {
            throw new ApiException(413, "Payload Too Large", "The text may hold at most " + config.maxTextLength()
                    + " characters; this one has " + request.text().length() + ".", "TEXT_TOO_LONG");
        }
        MaskingPolicy current = policy.get();
        MaskingScope scope = new MaskingScope(
                request.pci() != null ? request.pci() : current.pciEnabled(),
                request.pii() != null ? request.pii() : current.piiEnabled(), current.typesOff());
        return MaskResponse.of(masker.mask(request.text(), scope));
    }
}
