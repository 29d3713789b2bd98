package org.metrolims.demo;

import java.util.List;
import java.util.random.RandomGenerator;

/** Bilingual names for the demo's people, streets and companies. All of them are made up. */
final class DemoNames {

    /** A Chinese word with its pinyin. */
    record Word(String zh, String en) {}

    /** The surnames most common in Fujian come first, so they come up most. */
    private static final List<Word> SURNAMES = words(
            "林 Lin", "陈 Chen", "黄 Huang", "张 Zhang", "吴 Wu", "王 Wang", "郑 Zheng", "李 Li", "刘 Liu",
            "杨 Yang", "许 Xu", "蔡 Cai", "洪 Hong", "叶 Ye", "翁 Weng", "游 You", "施 Shi", "庄 Zhuang");

    private static final List<Word> GIVEN = words(
            "伟 Wei", "芳 Fang", "敏 Min", "静 Jing", "丽 Li", "强 Qiang", "磊 Lei", "军 Jun", "洋 Yang",
            "勇 Yong", "艳 Yan", "杰 Jie", "涛 Tao", "明 Ming", "超 Chao", "华 Hua", "婷 Ting", "斌 Bin",
            "晨 Chen", "颖 Ying", "志 Zhi", "建 Jian", "文 Wen", "海 Hai", "燕 Yan", "鑫 Xin", "宇 Yu", "琳 Lin");

    private static final List<Word> STREETS = words(
            "五四路 Wusi Road", "湖东路 Hudong Road", "工业路 Gongye Road", "华林路 Hualin Road",
            "江滨大道 Jiangbin Avenue", "建设路 Jianshe Road", "人民路 Renmin Road", "解放路 Jiefang Road",
            "中山路 Zhongshan Road", "滨海大道 Binhai Avenue", "科技路 Keji Road", "新华路 Xinhua Road",
            "东大路 Dongda Road", "胜利街 Shengli Street", "学府路 Xuefu Road", "环城路 Huancheng Road");

    /** Brands of the accredited labs; twenty, one per lab. */
    static final List<Word> LAB_BRANDS = words(
            "华正 Huazheng", "正信 Zhengxin", "恒标 Hengbiao", "闽源 Minyuan", "海峡 Haixia", "精诚 Jingcheng",
            "天衡 Tianheng", "博创 Bochuang", "信德 Xinde", "中测 Zhongce", "鼎信 Dingxin", "凯达 Kaida",
            "安准 Anzhun", "启航 Qihang", "东南 Dongnan", "鹭岛 Ludao", "武夷 Wuyi", "鸿测 Hongce",
            "科正 Kezheng", "远衡 Yuanheng");

    static final List<Word> LAB_KINDS = words(
            "计量检测有限公司 Metrology & Testing Co., Ltd.",
            "检测技术有限公司 Testing Technology Co., Ltd.",
            "校准技术服务有限公司 Calibration Services Co., Ltd.");

    private DemoNames() {}

    /** A person's name as "林伟 Lin Wei". */
    static String person(RandomGenerator rng) {
        Word surname = SURNAMES.get(rng.nextInt(SURNAMES.size()));
        Word first = GIVEN.get(rng.nextInt(GIVEN.size()));
        if (rng.nextInt(3) == 0) {
            return surname.zh() + first.zh() + " " + surname.en() + " " + first.en();
        }
        Word second = GIVEN.get(rng.nextInt(GIVEN.size()));
        return surname.zh() + first.zh() + second.zh() + " " + surname.en() + " " + first.en()
                + second.en().toLowerCase(java.util.Locale.ROOT);
    }

    /** A street address in a division, Chinese and English. */
    static Word address(RandomGenerator rng, FujianDivisions.Division county, FujianDivisions.Division city) {
        Word street = STREETS.get(rng.nextInt(STREETS.size()));
        int number = 1 + rng.nextInt(399);
        String zhPlace = "福建省" + (city == null ? "" : city.nameZh()) + (county == null ? "" : county.nameZh());
        String enPlace = (county == null ? "" : county.nameEn() + ", ") + (city == null ? "" : city.nameEn() + ", ")
                + "Fujian";
        return new Word(zhPlace + street.zh() + number + "号", number + " " + street.en() + ", " + enPlace);
    }

    private static List<Word> words(String... pairs) {
        return java.util.Arrays.stream(pairs).map(p -> {
            int space = p.indexOf(' ');
            return new Word(p.substring(0, space), p.substring(space + 1));
        }).toList();
    }
}
