package org.metrolims.demo;

import java.util.List;

/**
 * The ten metrology disciplines (计量专业), a few quantities in each with their coherent SI unit,
 * and the instrument types calibrated for each quantity, with the numbers the demo generator
 * needs to make plausible standards and calibrations.
 *
 * <p>All values are in the quantity's SI unit, so that a standard, its equipment and the points of
 * every calibration along a chain can be compared without unit conversion. Procedure codes are
 * the usual JJG / JJF verification regulations and calibration specifications for each kind of
 * instrument; they are plausible for a demo, not a legal reference.
 */
final class MetrologyCatalogue {

    /** A discipline, in the order of {@code sort_order}. */
    record DisciplineSpec(String code, String nameZh, String nameEn) {}

    /**
     * A quantity.
     *
     * @param rangeLow        lower end of the range of every public standard of this quantity
     * @param rangeHigh       upper end of that range; a single range per quantity keeps the
     *                        uncertainties of standards of one quantity comparable down the hierarchy
     * @param relativeU       relative expanded uncertainty (k = 2) of a provincial standard; city
     *                        and county standards are about 2 and 3.7 times it
     * @param standardWeight  how common standards of this quantity are
     * @param customerWeight  how common customer instruments of this quantity are
     * @param accuracyClasses the classes provincial, city and county standards claim besides U,
     *                        or empty where the quantity has no class system
     */
    record QuantitySpec(String code, String discipline, String nameZh, String nameEn, String siUnit,
            String siUnitName, double rangeLow, double rangeHigh, double relativeU, int standardWeight,
            int customerWeight, List<String> accuracyClasses) {}

    /** Whether a type serves as standard equipment, is calibrated for customers, or both. */
    enum Use { REFERENCE, CUSTOMER, BOTH }

    /**
     * An instrument type.
     *
     * @param mpeRelative maximum permissible error as a fraction of the range's upper end
     */
    record TypeSpec(String code, String quantity, String nameZh, String nameEn, int intervalMonths,
            double rangeLow, double rangeHigh, double mpeRelative, Use use, String procedure) {
        boolean reference() {
            return use != Use.CUSTOMER;
        }

        boolean customer() {
            return use != Use.REFERENCE;
        }
    }

    /** An instrument maker; {@code code} starts its models and serial numbers. */
    record Maker(String name, String code) {}

    static final List<DisciplineSpec> DISCIPLINES = List.of(
            new DisciplineSpec("LENGTH", "长度", "Length"),
            new DisciplineSpec("THERMAL", "热学", "Thermal"),
            new DisciplineSpec("MECHANICS", "力学", "Mechanics"),
            new DisciplineSpec("ELECTROMAGNETISM", "电磁学", "Electromagnetism"),
            new DisciplineSpec("RADIO", "无线电", "Radio"),
            new DisciplineSpec("TIME_FREQUENCY", "时间频率", "Time and frequency"),
            new DisciplineSpec("ACOUSTICS", "声学", "Acoustics"),
            new DisciplineSpec("OPTICS", "光学", "Optics"),
            new DisciplineSpec("IONIZING_RADIATION", "电离辐射", "Ionizing radiation"),
            new DisciplineSpec("PHYSICAL_CHEMISTRY", "物理化学", "Physical chemistry"));

    private static final List<String> NO_CLASSES = List.of();

    static final List<QuantitySpec> QUANTITIES = List.of(
            q("LENGTH", "LENGTH", "长度", "Length", "m", "metre", 0.0005, 1, 5e-7, 10, 12),
            q("PLANE_ANGLE", "LENGTH", "平面角", "Plane angle", "rad", "radian", 0.0001, 6.283185, 4e-7, 3, 2),
            q("TEMPERATURE", "THERMAL", "温度", "Temperature", "K", "kelvin", 233.15, 693.15, 2e-5, 10, 10),
            q("HEAT_QUANTITY", "THERMAL", "热量", "Quantity of heat", "J", "joule", 1e6, 1e10, 1.5e-3, 2, 2),
            new QuantitySpec("MASS", "MECHANICS", "质量", "Mass", "kg", "kilogram", 1e-6, 50, 3e-7, 10, 12,
                    List.of("E1", "E2", "F1")),
            q("FORCE", "MECHANICS", "力", "Force", "N", "newton", 10, 1e6, 1e-4, 6, 5),
            new QuantitySpec("PRESSURE", "MECHANICS", "压力", "Pressure", "Pa", "pascal", 0, 6e7, 5e-5, 10, 14,
                    List.of("0.005级", "0.02级", "0.05级")),
            q("TORQUE", "MECHANICS", "扭矩", "Torque", "N·m", "newton metre", 0.1, 5000, 3e-4, 3, 3),
            q("VOLUME_FLOW", "MECHANICS", "流量", "Volume flow rate", "m³/s", "cubic metre per second",
                    1e-5, 0.1, 3e-4, 4, 4),
            q("DC_VOLTAGE", "ELECTROMAGNETISM", "直流电压", "DC voltage", "V", "volt", 1e-3, 1000, 2e-6, 6, 5),
            q("ELECTRIC_CURRENT", "ELECTROMAGNETISM", "电流", "Electric current", "A", "ampere", 1e-6, 100, 1e-5, 4, 3),
            q("RESISTANCE", "ELECTROMAGNETISM", "电阻", "Electrical resistance", "Ω", "ohm", 1e-3, 1e7, 5e-6, 5, 4),
            q("ELECTRIC_POWER", "ELECTROMAGNETISM", "电功率", "Electric power", "W", "watt", 1, 1e5, 5e-5, 4, 2),
            q("RF_POWER", "RADIO", "射频功率", "RF power", "W", "watt", 1e-6, 0.1, 4e-3, 2, 1),
            q("ATTENUATION", "RADIO", "衰减", "Attenuation", "dB", "decibel", 0.1, 110, 1e-3, 2, 1),
            q("FIELD_STRENGTH", "RADIO", "电场强度", "Electric field strength", "V/m", "volt per metre",
                    0.5, 200, 1.5e-2, 1, 1),
            q("FREQUENCY", "TIME_FREQUENCY", "频率", "Frequency", "Hz", "hertz", 1, 2.65e10, 5e-12, 3, 2),
            q("TIME_INTERVAL", "TIME_FREQUENCY", "时间间隔", "Time interval", "s", "second", 1e-3, 86400, 5e-7, 3, 3),
            q("SOUND_PRESSURE_LEVEL", "ACOUSTICS", "声压级", "Sound pressure level", "dB", "decibel",
                    20, 150, 1e-3, 3, 3),
            q("ULTRASOUND_POWER", "ACOUSTICS", "超声功率", "Ultrasonic power", "W", "watt", 1e-3, 20, 1.5e-2, 1, 1),
            q("LUMINOUS_INTENSITY", "OPTICS", "发光强度", "Luminous intensity", "cd", "candela", 1, 1e5, 8e-3, 2, 2),
            q("ILLUMINANCE", "OPTICS", "照度", "Illuminance", "lx", "lux", 0.1, 2e5, 5e-3, 2, 2),
            q("LENS_POWER", "OPTICS", "顶焦度", "Vertex power", "m⁻¹", "dioptre (reciprocal metre)",
                    0.1, 25, 4e-4, 2, 3),
            q("ABSORBED_DOSE", "IONIZING_RADIATION", "吸收剂量", "Absorbed dose", "Gy", "gray", 0.01, 10, 4e-3, 1, 1),
            q("DOSE_EQUIVALENT", "IONIZING_RADIATION", "剂量当量", "Dose equivalent", "Sv", "sievert",
                    1e-7, 0.1, 2e-2, 2, 2),
            q("ACTIVITY", "IONIZING_RADIATION", "放射性活度", "Activity", "Bq", "becquerel", 1e4, 1e11, 7e-3, 1, 1),
            q("PH", "PHYSICAL_CHEMISTRY", "酸度（pH值）", "pH", "pH", "pH", 1, 13, 5e-4, 3, 3),
            q("AMOUNT_CONCENTRATION", "PHYSICAL_CHEMISTRY", "物质的量浓度", "Amount-of-substance concentration",
                    "mol/L", "mole per litre", 1e-4, 1, 2e-3, 2, 2),
            q("CONDUCTIVITY", "PHYSICAL_CHEMISTRY", "电导率", "Electrolytic conductivity", "S/m",
                    "siemens per metre", 1e-4, 20, 2.5e-3, 2, 2),
            q("MASS_CONCENTRATION", "PHYSICAL_CHEMISTRY", "质量浓度", "Mass concentration", "kg/m³",
                    "kilogram per cubic metre", 1e-6, 10, 1e-2, 2, 2));

    static final List<TypeSpec> TYPES = List.of(
            t("GAUGE_BLOCK", "LENGTH", "量块", "Gauge block set", 12, 0.0005, 0.1, 2e-6, Use.REFERENCE, "JJG 146-2011"),
            t("LENGTH_MEASURING_MACHINE", "LENGTH", "测长机", "Length measuring machine", 12, 0, 1, 1e-6,
                    Use.REFERENCE, "JJF 1189-2008"),
            t("CALIPER", "LENGTH", "游标卡尺", "Vernier caliper", 12, 0, 0.15, 1.3e-4, Use.CUSTOMER, "JJG 30-2012"),
            t("MICROMETER", "LENGTH", "外径千分尺", "Outside micrometer", 12, 0, 0.025, 1.6e-4, Use.CUSTOMER,
                    "JJG 21-2008"),
            t("DIAL_INDICATOR", "LENGTH", "指示表", "Dial indicator", 12, 0, 0.01, 1.5e-3, Use.CUSTOMER, "JJG 34-2008"),
            t("TAPE_MEASURE", "LENGTH", "钢卷尺", "Steel tape measure", 12, 0, 5, 3.2e-4, Use.CUSTOMER, "JJG 4-2015"),
            t("ANGLE_POLYGON", "PLANE_ANGLE", "多面棱体", "Optical polygon", 24, 0, 6.283185, 1e-6, Use.REFERENCE,
                    "JJG 472-2007"),
            t("ANGLE_BLOCK", "PLANE_ANGLE", "角度块", "Angle gauge block", 24, 0.01745, 1.5708, 3e-6, Use.REFERENCE,
                    "JJG 70-2004"),
            t("UNIVERSAL_PROTRACTOR", "PLANE_ANGLE", "万能角度尺", "Universal bevel protractor", 12, 0, 5.7596, 1e-4,
                    Use.CUSTOMER, "JJG 33-2002"),
            t("THEODOLITE", "PLANE_ANGLE", "光学经纬仪", "Optical theodolite", 12, 0, 6.283185, 1e-5, Use.CUSTOMER,
                    "JJG 414-2011"),
            t("SPRT", "TEMPERATURE", "标准铂电阻温度计", "Standard platinum resistance thermometer", 12,
                    233.15, 693.15, 4e-5, Use.REFERENCE, "JJG 160-2007"),
            t("THERMOSTATIC_BATH", "TEMPERATURE", "恒温槽", "Thermostatic bath", 12, 233.15, 573.15, 1e-4,
                    Use.REFERENCE, "JJF 1030-2010"),
            t("INDUSTRIAL_PRT", "TEMPERATURE", "工业铂热电阻", "Industrial platinum resistance thermometer", 12,
                    223.15, 573.15, 1e-3, Use.CUSTOMER, "JJG 229-2010"),
            t("LIQUID_IN_GLASS_THERMOMETER", "TEMPERATURE", "工作用玻璃液体温度计", "Liquid-in-glass thermometer",
                    12, 243.15, 373.15, 2.7e-3, Use.CUSTOMER, "JJG 130-2011"),
            t("IR_THERMOMETER", "TEMPERATURE", "红外测温仪", "Infrared thermometer", 12, 253.15, 773.15, 2.6e-3,
                    Use.CUSTOMER, "JJG 856-2015"),
            t("THERMOCOUPLE", "TEMPERATURE", "工作用廉金属热电偶", "Base-metal thermocouple", 12, 573.15, 1473.15,
                    3e-3, Use.CUSTOMER, "JJF 1637-2017"),
            t("REFERENCE_HEAT_METER", "HEAT_QUANTITY", "标准热量表", "Reference heat meter", 12, 1e6, 1e10, 3e-3,
                    Use.REFERENCE, "JJG 225-2001"),
            t("HEAT_METER", "HEAT_QUANTITY", "热能表", "Heat meter", 60, 1e6, 1e10, 3e-2, Use.CUSTOMER, "JJG 225-2001"),
            t("WEIGHT_E2", "MASS", "E2等级砝码", "Class E2 weight set", 24, 1e-6, 20, 1.6e-6, Use.REFERENCE,
                    "JJG 99-2022"),
            t("MASS_COMPARATOR", "MASS", "质量比较仪", "Mass comparator", 12, 0, 50, 1e-6, Use.REFERENCE,
                    "JJF 1326-2011"),
            t("ELECTRONIC_BALANCE", "MASS", "电子天平", "Electronic balance", 12, 0, 0.22, 2.3e-6, Use.CUSTOMER,
                    "JJG 1036-2022"),
            t("NONAUTOMATIC_SCALE", "MASS", "数字指示秤", "Digital indicating scale", 12, 0, 150, 3.3e-4,
                    Use.CUSTOMER, "JJG 539-2016"),
            t("WEIGHT_M1", "MASS", "M1等级砝码", "Class M1 weight", 12, 0.001, 20, 5e-5, Use.CUSTOMER, "JJG 99-2022"),
            t("FORCE_PROVING_INSTRUMENT", "FORCE", "标准测力仪", "Force proving instrument", 12, 1e3, 1e6, 3e-4,
                    Use.REFERENCE, "JJG 144-2007"),
            t("TESTING_MACHINE", "FORCE", "拉力、压力和万能试验机", "Universal testing machine", 12, 1e3, 6e5, 1e-2,
                    Use.CUSTOMER, "JJG 139-2014"),
            t("FORCE_GAUGE", "FORCE", "数显式测力计", "Digital force gauge", 12, 1, 500, 1e-2, Use.CUSTOMER,
                    "JJG 455-2000"),
            t("PISTON_GAUGE", "PRESSURE", "活塞式压力计", "Piston gauge", 24, 1e5, 6e7, 2e-4, Use.REFERENCE,
                    "JJG 59-2022"),
            t("DIGITAL_PRESSURE_GAUGE", "PRESSURE", "数字压力计", "Digital pressure gauge", 12, 0, 1e7, 5e-4,
                    Use.BOTH, "JJG 875-2019"),
            t("PRESSURE_GAUGE", "PRESSURE", "一般压力表", "Bourdon tube pressure gauge", 6, 0, 2.5e6, 1.6e-2,
                    Use.CUSTOMER, "JJG 52-2013"),
            t("PRECISION_PRESSURE_GAUGE", "PRESSURE", "精密压力表", "Precision pressure gauge", 12, 0, 1e7, 4e-3,
                    Use.CUSTOMER, "JJG 49-2013"),
            t("SPHYGMOMANOMETER", "PRESSURE", "血压计", "Sphygmomanometer", 12, 0, 40000, 1e-2, Use.CUSTOMER,
                    "JJG 270-2008"),
            t("REFERENCE_TORQUE_TRANSDUCER", "TORQUE", "标准扭矩仪", "Reference torque transducer", 12, 1, 5000,
                    1e-3, Use.REFERENCE, "JJG 557-2011"),
            t("TORQUE_WRENCH", "TORQUE", "扭矩扳子", "Torque wrench", 12, 5, 1000, 4e-2, Use.CUSTOMER, "JJG 707-2014"),
            t("MASTER_FLOWMETER", "VOLUME_FLOW", "标准流量计", "Master flowmeter", 12, 1e-5, 0.1, 2e-3,
                    Use.REFERENCE, "JJG 643-2003"),
            t("WATER_METER", "VOLUME_FLOW", "饮用冷水水表", "Cold potable water meter", 72, 1e-5, 0.01, 2e-2,
                    Use.CUSTOMER, "JJG 162-2019"),
            t("FUEL_DISPENSER", "VOLUME_FLOW", "燃油加油机", "Fuel dispenser", 6, 8e-5, 1.5e-3, 3e-3, Use.CUSTOMER,
                    "JJG 443-2015"),
            t("DC_VOLTAGE_STANDARD", "DC_VOLTAGE", "固态电压标准", "Solid-state DC voltage standard", 12, 1, 10, 1e-6,
                    Use.REFERENCE, "JJG 1027-1991"),
            t("MULTIFUNCTION_CALIBRATOR", "DC_VOLTAGE", "多功能标准源", "Multifunction calibrator", 12, 1e-3, 1000,
                    1e-5, Use.REFERENCE, "JJF 1638-2017"),
            t("DIGITAL_MULTIMETER", "DC_VOLTAGE", "数字多用表", "Digital multimeter", 12, 1e-3, 1000, 1e-3,
                    Use.CUSTOMER, "JJF 1587-2016"),
            t("CURRENT_SHUNT", "ELECTRIC_CURRENT", "标准分流器", "Current shunt", 12, 0.01, 100, 5e-5, Use.REFERENCE,
                    "JJG 1134-2017"),
            t("CLAMP_METER", "ELECTRIC_CURRENT", "钳形电流表", "Clamp meter", 12, 0.1, 100, 2e-2, Use.CUSTOMER,
                    "JJF 1075-2015"),
            t("AMMETER", "ELECTRIC_CURRENT", "电流表", "Ammeter", 12, 1e-3, 10, 5e-3, Use.CUSTOMER, "JJG 124-2005"),
            t("STANDARD_RESISTOR", "RESISTANCE", "标准电阻器", "Standard resistor", 12, 1e-3, 1e5, 2e-5,
                    Use.REFERENCE, "JJG 166-1993"),
            t("RESISTANCE_BOX", "RESISTANCE", "直流电阻箱", "DC resistance box", 12, 0.01, 1e6, 1e-3, Use.CUSTOMER,
                    "JJG 982-2003"),
            t("INSULATION_TESTER", "RESISTANCE", "绝缘电阻表", "Insulation resistance tester", 12, 1e5, 1e10, 0.1,
                    Use.CUSTOMER, "JJG 622-1997"),
            t("EARTH_RESISTANCE_TESTER", "RESISTANCE", "接地电阻表", "Earth resistance tester", 12, 0.01, 2000, 5e-2,
                    Use.CUSTOMER, "JJG 366-2004"),
            t("STANDARD_ENERGY_METER", "ELECTRIC_POWER", "标准电能表", "Reference energy meter", 12, 1, 1e5, 2e-4,
                    Use.REFERENCE, "JJG 1085-2013"),
            t("POWER_ANALYZER", "ELECTRIC_POWER", "功率分析仪", "Power analyzer", 12, 1, 1e4, 1e-3, Use.CUSTOMER,
                    "JJF 1559-2016"),
            t("ENERGY_METER_TEST_BENCH", "ELECTRIC_POWER", "电能表检定装置", "Energy meter test bench", 12, 1, 1e5,
                    5e-4, Use.CUSTOMER, "JJG 597-2005"),
            t("RF_POWER_STANDARD", "RF_POWER", "射频功率标准座", "RF power standard", 12, 1e-6, 0.1, 1e-2,
                    Use.REFERENCE, "JJF 1483-2014"),
            t("RF_POWER_METER", "RF_POWER", "射频功率计", "RF power meter", 12, 1e-6, 0.1, 6e-2, Use.CUSTOMER,
                    "JJG 2017-2005"),
            t("STANDARD_ATTENUATOR", "ATTENUATION", "标准衰减器", "Standard attenuator", 12, 0.1, 110, 3e-3,
                    Use.REFERENCE, "JJG 1002-2005"),
            t("COAXIAL_ATTENUATOR", "ATTENUATION", "同轴衰减器", "Coaxial attenuator", 12, 0.1, 60, 1e-2,
                    Use.CUSTOMER, "JJF 1200-2008"),
            t("SPECTRUM_ANALYZER", "ATTENUATION", "频谱分析仪", "Spectrum analyzer", 12, 0.1, 100, 1e-2,
                    Use.CUSTOMER, "JJF 1396-2013"),
            t("TEM_CELL", "FIELD_STRENGTH", "TEM传输室", "TEM cell", 24, 0.5, 200, 3e-2, Use.REFERENCE,
                    "JJF 1629-2017"),
            t("FIELD_STRENGTH_METER", "FIELD_STRENGTH", "电磁辐射分析仪", "Electromagnetic field meter", 12, 0.5, 200,
                    0.25, Use.CUSTOMER, "JJF 1830-2020"),
            t("RUBIDIUM_STANDARD", "FREQUENCY", "铷原子频率标准", "Rubidium frequency standard", 12, 1e6, 1e7, 1e-10,
                    Use.REFERENCE, "JJG 292-2009"),
            t("UNIVERSAL_COUNTER", "FREQUENCY", "通用计数器", "Universal counter", 12, 1, 3e9, 1e-7, Use.CUSTOMER,
                    "JJG 349-2014"),
            t("SIGNAL_GENERATOR", "FREQUENCY", "信号发生器", "Signal generator", 12, 9e3, 6e9, 1e-6, Use.CUSTOMER,
                    "JJF 1396-2013"),
            t("TIME_INTERVAL_METER", "TIME_INTERVAL", "时间间隔测量仪", "Time interval meter", 12, 1e-3, 86400, 5e-6,
                    Use.REFERENCE, "JJG 238-2018"),
            t("STOPWATCH", "TIME_INTERVAL", "秒表", "Stopwatch", 12, 1, 86400, 1e-5, Use.CUSTOMER, "JJG 237-2010"),
            t("TAXIMETER", "TIME_INTERVAL", "出租汽车计价器", "Taximeter", 12, 60, 3600, 5e-3, Use.CUSTOMER,
                    "JJG 517-2016"),
            t("LAB_STANDARD_MICROPHONE", "SOUND_PRESSURE_LEVEL", "实验室标准传声器", "Laboratory standard microphone",
                    12, 20, 150, 2e-3, Use.REFERENCE, "JJG 175-2015"),
            t("SOUND_CALIBRATOR", "SOUND_PRESSURE_LEVEL", "声校准器", "Sound calibrator", 12, 94, 114, 3e-3, Use.BOTH,
                    "JJG 176-2022"),
            t("SOUND_LEVEL_METER", "SOUND_PRESSURE_LEVEL", "声级计", "Sound level meter", 12, 30, 130, 1e-2,
                    Use.CUSTOMER, "JJG 188-2017"),
            t("AUDIOMETER", "SOUND_PRESSURE_LEVEL", "纯音听力计", "Pure-tone audiometer", 12, 1, 120, 2.5e-2,
                    Use.CUSTOMER, "JJG 388-2012"),
            t("RADIATION_FORCE_BALANCE", "ULTRASOUND_POWER", "超声功率计", "Radiation force balance", 12, 1e-3, 20,
                    5e-2, Use.REFERENCE, "JJG 868-1994"),
            t("ULTRASOUND_THERAPY_UNIT", "ULTRASOUND_POWER", "超声治疗机", "Ultrasound therapy unit", 12, 0.1, 3,
                    0.25, Use.CUSTOMER, "JJG 2069-2005"),
            t("LUMINOUS_INTENSITY_LAMP", "LUMINOUS_INTENSITY", "发光强度标准灯", "Luminous intensity standard lamp",
                    24, 1, 2000, 1.5e-2, Use.REFERENCE, "JJG 247-2008"),
            t("HEADLAMP_TESTER", "LUMINOUS_INTENSITY", "机动车前照灯检测仪", "Vehicle headlamp tester", 12, 1e3, 6e4,
                    0.12, Use.CUSTOMER, "JJG 745-2016"),
            t("STANDARD_ILLUMINANCE_METER", "ILLUMINANCE", "标准照度计", "Reference illuminance meter", 12, 0.1, 2e5,
                    1.5e-2, Use.REFERENCE, "JJG 245-2005"),
            t("ILLUMINANCE_METER", "ILLUMINANCE", "照度计", "Illuminance meter", 12, 0.1, 2e5, 8e-2, Use.CUSTOMER,
                    "JJG 245-2005"),
            t("STANDARD_TEST_LENS", "LENS_POWER", "标准镜片", "Standard test lens set", 24, 0.1, 25, 1e-3,
                    Use.REFERENCE, "JJG 580-2005"),
            t("FOCIMETER", "LENS_POWER", "焦度计", "Focimeter", 12, 0.1, 25, 4e-3, Use.CUSTOMER, "JJG 580-2005"),
            t("EYE_REFRACTOMETER", "LENS_POWER", "电脑验光仪", "Eye refractometer", 12, 0.1, 20, 1e-2, Use.CUSTOMER,
                    "JJG 892-2011"),
            t("SECONDARY_STANDARD_DOSIMETER", "ABSORBED_DOSE", "次级标准剂量计", "Secondary standard dosimeter", 12,
                    0.01, 10, 1e-2, Use.REFERENCE, "JJG 912-2010"),
            t("THERAPY_DOSIMETER", "ABSORBED_DOSE", "治疗水平电离室剂量计", "Therapy-level ionization chamber dosimeter",
                    12, 0.01, 10, 5e-2, Use.CUSTOMER, "JJG 912-2010"),
            t("REFERENCE_IONIZATION_CHAMBER", "DOSE_EQUIVALENT", "参考电离室", "Reference ionization chamber", 12,
                    1e-7, 0.1, 5e-2, Use.REFERENCE, "JJG 393-2018"),
            t("SURVEY_METER", "DOSE_EQUIVALENT", "X、γ辐射剂量当量率仪", "X and gamma dose-equivalent-rate survey meter",
                    12, 1e-7, 1e-2, 0.3, Use.CUSTOMER, "JJG 393-2018"),
            t("PERSONAL_DOSEMETER", "DOSE_EQUIVALENT", "直读式个人剂量当量计", "Direct-reading personal dosemeter", 12,
                    1e-6, 1, 0.3, Use.CUSTOMER, "JJG 1009-2006"),
            t("STANDARD_ACTIVITY_METER", "ACTIVITY", "标准活度计", "Standard activity meter", 12, 1e4, 1e11, 3e-2,
                    Use.REFERENCE, "JJG 377-2019"),
            t("ACTIVITY_METER", "ACTIVITY", "放射性活度计", "Radionuclide activity meter", 12, 1e5, 1e11, 0.1,
                    Use.CUSTOMER, "JJG 377-2019"),
            t("STANDARD_PH_METER", "PH", "标准pH计", "Reference pH meter", 12, 1, 13, 1e-3, Use.REFERENCE,
                    "JJG 119-2018"),
            t("PH_METER", "PH", "实验室pH（酸度）计", "Laboratory pH meter", 12, 1, 13, 8e-3, Use.CUSTOMER,
                    "JJG 119-2018"),
            t("TITRATION_STANDARD_SET", "AMOUNT_CONCENTRATION", "标准滴定装置", "Reference titration set", 12, 1e-4,
                    1, 5e-3, Use.REFERENCE, "JJG 814-2015"),
            t("AUTOMATIC_TITRATOR", "AMOUNT_CONCENTRATION", "自动电位滴定仪", "Automatic potentiometric titrator", 12,
                    1e-3, 1, 3e-2, Use.CUSTOMER, "JJG 814-2015"),
            t("STANDARD_CONDUCTIVITY_CELL", "CONDUCTIVITY", "标准电导池", "Standard conductivity cell", 12, 1e-4, 20,
                    5e-3, Use.REFERENCE, "JJG 376-2007"),
            t("CONDUCTIVITY_METER", "CONDUCTIVITY", "电导率仪", "Conductivity meter", 12, 1e-4, 20, 4e-2,
                    Use.CUSTOMER, "JJG 376-2007"),
            t("ALCOHOL_GAS_STANDARD", "MASS_CONCENTRATION", "呼出气体酒精标准装置", "Breath-alcohol gas standard", 12,
                    1e-5, 2e-3, 2e-2, Use.REFERENCE, "JJG 657-2019"),
            t("BREATH_ALCOHOL_ANALYZER", "MASS_CONCENTRATION", "呼出气体酒精含量检测仪", "Breath alcohol analyzer", 12,
                    1e-5, 2e-3, 0.15, Use.CUSTOMER, "JJG 657-2019"));

    /** Makers per discipline, in the order of {@link #DISCIPLINES}. */
    static final List<List<Maker>> MAKERS = List.of(
            List.of(new Maker("Mitutoyo", "MT"), new Maker("哈尔滨量具刃具集团 Harbin Measuring & Cutting Tool", "HL"),
                    new Maker("桂林广陆数字测控 Guilin Guanglu", "GL"), new Maker("成都成量工具 Chengdu Chengliang", "CL")),
            List.of(new Maker("Fluke Calibration", "FC"), new Maker("重庆川仪 Chongqing Chuanyi", "CY"),
                    new Maker("Testo", "TS"), new Maker("上海自动化仪表 Shanghai Automation Instrument", "SA")),
            List.of(new Maker("Mettler Toledo", "ME"), new Maker("Sartorius", "SR"),
                    new Maker("北京康斯特 ConST", "CS"), new Maker("Druck", "DK"),
                    new Maker("济南试金 Jinan Testing Equipment", "JN"), new Maker("上海友声衡器 Shanghai Yousheng", "YS")),
            List.of(new Maker("Fluke", "FL"), new Maker("Keysight", "KS"), new Maker("Yokogawa", "YK"),
                    new Maker("优利德 UNI-T", "UT"), new Maker("深圳科陆 CLOU", "KL")),
            List.of(new Maker("Keysight", "KS"), new Maker("Rohde & Schwarz", "RS"), new Maker("中电科思仪 Ceyear", "CE")),
            List.of(new Maker("Microchip", "MC"), new Maker("Keysight", "KS"), new Maker("Tektronix", "TK"),
                    new Maker("厦门计价器厂 Xiamen Taximeter Works", "XJ")),
            List.of(new Maker("杭州爱华 Hangzhou Aihua", "AH"), new Maker("Brüel & Kjær", "BK"),
                    new Maker("北京声望 BSWA", "BS")),
            List.of(new Maker("杭州远方光电 Everfine", "EF"), new Maker("Konica Minolta", "KM"),
                    new Maker("Topcon", "TP"), new Maker("佛山南华仪器 Foshan Nanhua", "NH")),
            List.of(new Maker("PTW Freiburg", "PT"), new Maker("Fluke Biomedical", "FB"),
                    new Maker("Thermo Fisher Scientific", "TF")),
            List.of(new Maker("上海仪电雷磁 INESA Leici", "LC"), new Maker("Mettler Toledo", "ME"),
                    new Maker("Dräger", "DG"), new Maker("Hach", "HA")));

    private MetrologyCatalogue() {}

    private static QuantitySpec q(String code, String discipline, String zh, String en, String unit, String unitName,
            double low, double high, double relativeU, int standardWeight, int customerWeight) {
        return new QuantitySpec(code, discipline, zh, en, unit, unitName, low, high, relativeU, standardWeight,
                customerWeight, NO_CLASSES);
    }

    private static TypeSpec t(String code, String quantity, String zh, String en, int months, double low,
            double high, double mpe, Use use, String procedure) {
        return new TypeSpec(code, quantity, zh, en, months, low, high, mpe, use, procedure);
    }
}
