-- Correlated inputs of a calibration point's uncertainty budget (JCGM 100:2008 5.2.2): the correlation coefficient
-- r(x_a, x_b) between two of the point's components, named as in uncertainty_component. Pairs not listed are
-- uncorrelated. Stored with the budget so that the record shows how its u_c was reached.
CREATE TABLE uncertainty_correlation (
    point_id     BIGINT        NOT NULL,
    seq          INT           NOT NULL,
    component_a  VARCHAR(100)  NOT NULL,
    component_b  VARCHAR(100)  NOT NULL,
    r            DECIMAL(9, 8) NOT NULL,
    PRIMARY KEY (point_id, seq),
    CONSTRAINT uk_correlation_pair UNIQUE (point_id, component_a, component_b),
    CONSTRAINT fk_correlation_point FOREIGN KEY (point_id) REFERENCES measurement_point (id),
    CONSTRAINT fk_correlation_a FOREIGN KEY (point_id, component_a) REFERENCES uncertainty_component (point_id, name),
    CONSTRAINT fk_correlation_b FOREIGN KEY (point_id, component_b) REFERENCES uncertainty_component (point_id, name),
    CONSTRAINT ck_correlation_r CHECK (r BETWEEN -1 AND 1),
    CONSTRAINT ck_correlation_pair CHECK (component_a <> component_b)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
