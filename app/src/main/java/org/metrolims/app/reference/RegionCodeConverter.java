package org.metrolims.app.reference;

import org.metrolims.db.reference.RegionCode;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets request parameters be region codes; a malformed one becomes a 400 naming the parameter. */
@Component
class RegionCodeConverter implements Converter<String, RegionCode> {

    @Override
    public RegionCode convert(String source) {
        return new RegionCode(source.trim());
    }
}
