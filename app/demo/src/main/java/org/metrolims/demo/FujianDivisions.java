package org.metrolims.demo;

import java.util.List;

/**
 * The administrative divisions of Fujian (福建省) as GB/T 2260 codes them: the province, its nine
 * prefecture-level cities and their counties, districts and county-level cities, with the
 * 2021 changes in (三元区 350404 and 沙县区 350405 in Sanming; 龙海区 350604 and 长泰区 350605 in
 * Zhangzhou). 金门县 (350527) is left out: no market-supervision bureau of the province operates
 * there, so nothing in the demo could belong to it.
 */
final class FujianDivisions {

    static final String PROVINCE = "PROVINCE";
    static final String CITY = "CITY";
    static final String COUNTY = "COUNTY";

    /**
     * One division.
     *
     * @param nameEnBase the English name without its kind ("Fuqing"), for names built from it
     * @param kindEn     "District", "County", "City" (county-level) or empty for the province and cities
     */
    record Division(String code, String nameZh, String nameEnBase, String kindEn, String level, String parentCode) {
        String nameEn() {
            return kindEn.isEmpty() ? nameEnBase : nameEnBase + " " + kindEn;
        }
    }

    /** The province first, then each city followed by its counties, in code order. */
    static final List<Division> ALL = List.of(
            new Division("350000", "福建省", "Fujian", "", PROVINCE, null),

            city("350100", "福州市", "Fuzhou"),
            district("350102", "鼓楼区", "Gulou", "350100"),
            district("350103", "台江区", "Taijiang", "350100"),
            district("350104", "仓山区", "Cangshan", "350100"),
            district("350105", "马尾区", "Mawei", "350100"),
            district("350111", "晋安区", "Jin'an", "350100"),
            district("350112", "长乐区", "Changle", "350100"),
            county("350121", "闽侯县", "Minhou", "350100"),
            county("350122", "连江县", "Lianjiang", "350100"),
            county("350123", "罗源县", "Luoyuan", "350100"),
            county("350124", "闽清县", "Minqing", "350100"),
            county("350125", "永泰县", "Yongtai", "350100"),
            county("350128", "平潭县", "Pingtan", "350100"),
            countyCity("350181", "福清市", "Fuqing", "350100"),

            city("350200", "厦门市", "Xiamen"),
            district("350203", "思明区", "Siming", "350200"),
            district("350205", "海沧区", "Haicang", "350200"),
            district("350206", "湖里区", "Huli", "350200"),
            district("350211", "集美区", "Jimei", "350200"),
            district("350212", "同安区", "Tong'an", "350200"),
            district("350213", "翔安区", "Xiang'an", "350200"),

            city("350300", "莆田市", "Putian"),
            district("350302", "城厢区", "Chengxiang", "350300"),
            district("350303", "涵江区", "Hanjiang", "350300"),
            district("350304", "荔城区", "Licheng", "350300"),
            district("350305", "秀屿区", "Xiuyu", "350300"),
            county("350322", "仙游县", "Xianyou", "350300"),

            city("350400", "三明市", "Sanming"),
            district("350404", "三元区", "Sanyuan", "350400"),
            district("350405", "沙县区", "Shaxian", "350400"),
            county("350421", "明溪县", "Mingxi", "350400"),
            county("350423", "清流县", "Qingliu", "350400"),
            county("350424", "宁化县", "Ninghua", "350400"),
            county("350425", "大田县", "Datian", "350400"),
            county("350426", "尤溪县", "Youxi", "350400"),
            county("350428", "将乐县", "Jiangle", "350400"),
            county("350429", "泰宁县", "Taining", "350400"),
            county("350430", "建宁县", "Jianning", "350400"),
            countyCity("350481", "永安市", "Yong'an", "350400"),

            city("350500", "泉州市", "Quanzhou"),
            district("350502", "鲤城区", "Licheng", "350500"),
            district("350503", "丰泽区", "Fengze", "350500"),
            district("350504", "洛江区", "Luojiang", "350500"),
            district("350505", "泉港区", "Quangang", "350500"),
            county("350521", "惠安县", "Hui'an", "350500"),
            county("350524", "安溪县", "Anxi", "350500"),
            county("350525", "永春县", "Yongchun", "350500"),
            county("350526", "德化县", "Dehua", "350500"),
            countyCity("350581", "石狮市", "Shishi", "350500"),
            countyCity("350582", "晋江市", "Jinjiang", "350500"),
            countyCity("350583", "南安市", "Nan'an", "350500"),

            city("350600", "漳州市", "Zhangzhou"),
            district("350602", "芗城区", "Xiangcheng", "350600"),
            district("350603", "龙文区", "Longwen", "350600"),
            district("350604", "龙海区", "Longhai", "350600"),
            district("350605", "长泰区", "Changtai", "350600"),
            county("350622", "云霄县", "Yunxiao", "350600"),
            county("350623", "漳浦县", "Zhangpu", "350600"),
            county("350624", "诏安县", "Zhao'an", "350600"),
            county("350626", "东山县", "Dongshan", "350600"),
            county("350627", "南靖县", "Nanjing", "350600"),
            county("350628", "平和县", "Pinghe", "350600"),
            county("350629", "华安县", "Hua'an", "350600"),

            city("350700", "南平市", "Nanping"),
            district("350702", "延平区", "Yanping", "350700"),
            district("350703", "建阳区", "Jianyang", "350700"),
            county("350721", "顺昌县", "Shunchang", "350700"),
            county("350722", "浦城县", "Pucheng", "350700"),
            county("350723", "光泽县", "Guangze", "350700"),
            county("350724", "松溪县", "Songxi", "350700"),
            county("350725", "政和县", "Zhenghe", "350700"),
            countyCity("350781", "邵武市", "Shaowu", "350700"),
            countyCity("350782", "武夷山市", "Wuyishan", "350700"),
            countyCity("350783", "建瓯市", "Jian'ou", "350700"),

            city("350800", "龙岩市", "Longyan"),
            district("350802", "新罗区", "Xinluo", "350800"),
            district("350803", "永定区", "Yongding", "350800"),
            county("350821", "长汀县", "Changting", "350800"),
            county("350823", "上杭县", "Shanghang", "350800"),
            county("350824", "武平县", "Wuping", "350800"),
            county("350825", "连城县", "Liancheng", "350800"),
            countyCity("350881", "漳平市", "Zhangping", "350800"),

            city("350900", "宁德市", "Ningde"),
            district("350902", "蕉城区", "Jiaocheng", "350900"),
            county("350921", "霞浦县", "Xiapu", "350900"),
            county("350922", "古田县", "Gutian", "350900"),
            county("350923", "屏南县", "Pingnan", "350900"),
            county("350924", "寿宁县", "Shouning", "350900"),
            county("350925", "周宁县", "Zhouning", "350900"),
            county("350926", "柘荣县", "Zherong", "350900"),
            countyCity("350981", "福安市", "Fu'an", "350900"),
            countyCity("350982", "福鼎市", "Fuding", "350900"));

    private FujianDivisions() {}

    private static Division city(String code, String zh, String en) {
        return new Division(code, zh, en, "", CITY, "350000");
    }

    private static Division district(String code, String zh, String en, String city) {
        return new Division(code, zh, en, "District", COUNTY, city);
    }

    private static Division county(String code, String zh, String en, String city) {
        return new Division(code, zh, en, "County", COUNTY, city);
    }

    private static Division countyCity(String code, String zh, String en, String city) {
        return new Division(code, zh, en, "City", COUNTY, city);
    }
}
