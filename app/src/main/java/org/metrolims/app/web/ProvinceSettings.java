package org.metrolims.app.web;

import java.time.ZoneId;
import org.metrolims.db.reference.RegionCode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The province this installation serves ({@code lims.province.*}).
 *
 * @param code the province's GB/T 2260 code; the dashboard counts standards in this region
 * @param zone the province's time zone, which decides what "today" is for the counts
 */
@ConfigurationProperties("lims.province")
record ProvinceSettings(@DefaultValue("350000") RegionCode code, @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
