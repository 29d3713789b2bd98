package org.metrolims.reports.certificate;

import java.util.ArrayList;
import java.util.List;

/** Certificate contents made in memory, for template tests and the benchmark. */
final class SampleCertificates {

    private SampleCertificates() {
    }

    static CertificateContent withRows(int rows, String replacesZh, String replacesEn) {
        List<CertificateRow> list = new ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            list.add(new CertificateRow(Integer.toString(i), i * 10 + "", String.format("%d.0003", i * 10),
                    "0.0003", "0.00024", "2.00", "0.9545", "mm", "±1 µm", "合格 Pass"));
        }
        return new CertificateContent("福建省计量科学研究院", "Fujian Institute of Metrology", "福州市鼓楼区屏东路9号",
                "9 Pingdong Road, Gulou, Fuzhou", "CNAS L0001", "FJIM-2026-000123", replacesZh == null ? "" : "第 2 版 Revision 2",
                "厦门精密制造有限公司", "Xiamen Precision Manufacturing Co.", "厦门市湖里区 / Huli, Xiamen", "数显卡尺",
                "Digital caliper", "Mitutoyo 500-196 No. SN-1", "2026-03-01", "2026-03-03", "2026-03-05",
                "JJG 30-2012", "温度 Temperature 20.1 °C，相对湿度 Relative humidity 45 %",
                "测量结果溯源至国家计量基准。", "The results are traceable to the national standards.",
                "依据简单接受规则，所有校准点均合格。", "Under simple acceptance, every point passes.",
                "张工 Zhang Gong（签发 issued）", replacesZh, replacesEn, "K7Q2-M9XP",
                "https://lims.example.org/verify/FJIM-2026-000123?code=K7Q2-M9XP", list);
    }
}
