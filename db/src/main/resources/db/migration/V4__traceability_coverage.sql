-- Traceability chains and coverage metrics.

-- The issuers whose certificates are roots of traceability: the national metrology institute (holder of the
-- national primary standards) and the other NMIs that signed the CIPM MRA. A certificate of an NMI under the
-- MRA is a root only when it cites the CMC (KCDB entry) it was issued under. Matched on the certificate's
-- issuer, case-insensitively; an issuer not listed here (a commercial lab abroad, say) is not a root.
CREATE TABLE recognised_root_issuer (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    country    CHAR(2)      NOT NULL,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_root_issuer_name UNIQUE (name),
    CONSTRAINT ck_root_issuer_kind CHECK (kind IN ('NATIONAL_METROLOGY_INSTITUTE', 'CIPM_MRA_NMI'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO recognised_root_issuer (name, kind, country) VALUES
    ('中国计量科学研究院 National Institute of Metrology, China', 'NATIONAL_METROLOGY_INSTITUTE', 'CN'),
    ('中国计量科学研究院', 'NATIONAL_METROLOGY_INSTITUTE', 'CN'),
    ('National Institute of Metrology, China', 'NATIONAL_METROLOGY_INSTITUTE', 'CN'),
    ('Physikalisch-Technische Bundesanstalt (PTB), Germany', 'CIPM_MRA_NMI', 'DE'),
    ('National Physical Laboratory (NPL), United Kingdom', 'CIPM_MRA_NMI', 'GB'),
    ('Korea Research Institute of Standards and Science (KRISS)', 'CIPM_MRA_NMI', 'KR'),
    ('National Institute of Standards and Technology (NIST), United States', 'CIPM_MRA_NMI', 'US'),
    ('National Metrology Institute of Japan (NMIJ/AIST)', 'CIPM_MRA_NMI', 'JP'),
    ('Laboratoire national de métrologie et d''essais (LNE), France', 'CIPM_MRA_NMI', 'FR');

-- Demand: the measurement capabilities a region needs (quantity, range, the expanded uncertainty it needs),
-- from a date and, when no longer needed, until a date, so that coverage can be asked for any past date.
CREATE TABLE capability_demand (
    id                 BIGINT          NOT NULL AUTO_INCREMENT,
    region_id          BIGINT          NOT NULL,
    quantity_id        BIGINT          NOT NULL,
    range_low          DECIMAL(38, 12) NOT NULL,
    range_high         DECIMAL(38, 12) NOT NULL,
    unit               VARCHAR(32)     NOT NULL,
    needed_uncertainty DECIMAL(38, 12) NOT NULL,
    demanded_from      DATE            NOT NULL,
    demanded_until     DATE            NULL,
    note               VARCHAR(300)    NULL,
    created_by         VARCHAR(64)     NOT NULL,
    created_at         TIMESTAMP(6)    NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT fk_demand_region FOREIGN KEY (region_id) REFERENCES region (id),
    CONSTRAINT fk_demand_quantity FOREIGN KEY (quantity_id) REFERENCES quantity (id),
    CONSTRAINT ck_demand_range CHECK (range_low <= range_high),
    CONSTRAINT ck_demand_uncertainty CHECK (needed_uncertainty > 0),
    CONSTRAINT ck_demand_period CHECK (demanded_until IS NULL OR demanded_until >= demanded_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_demand_region_quantity ON capability_demand (region_id, quantity_id);
