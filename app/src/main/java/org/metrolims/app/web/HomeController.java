package org.metrolims.app.web;

import org.metrolims.calibration.standard.StandardCount;
import org.metrolims.calibration.standard.StandardCounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home dashboard: for now the province's standard counts against the plan's targets. */
@Controller
class HomeController {

    private final StandardCounts standardCounts;
    private final ProvinceSettings province;
    private final ProvinceToday today;

    HomeController(StandardCounts standardCounts, ProvinceSettings province, ProvinceToday today) {
        this.standardCounts = standardCounts;
        this.province = province;
        this.today = today;
    }

    @GetMapping("/")
    String home(Model model) {
        StandardCount count = standardCounts.on(today.date(), province.code());
        model.addAttribute("count", count);
        model.addAttribute("publicProgress",
                new TargetProgress(count.publicStandards(), StandardCount.PUBLIC_TARGET));
        model.addAttribute("provincialProgress",
                new TargetProgress(count.provincialStandards(), StandardCount.PROVINCIAL_TARGET));
        return "home";
    }
}
