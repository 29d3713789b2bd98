package org.metrolims.app.procedure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metrolims.app.security.MetroLimsUser;
import org.metrolims.app.web.TableQuery;
import org.metrolims.calibration.decision.DecisionRuleCode;
import org.metrolims.calibration.procedure.ProcedureDraft;
import org.metrolims.calibration.procedure.ProcedureInputException;
import org.metrolims.calibration.procedure.ProcedureSort;
import org.metrolims.calibration.procedure.ProcedureTemplate;
import org.metrolims.calibration.procedure.ProcedureTemplates;
import org.metrolims.calibration.record.ComponentInput;
import org.metrolims.calibration.record.PointInput;
import org.metrolims.db.failure.Conflict;
import org.metrolims.db.failure.FieldError;
import org.metrolims.db.failure.InvalidInput;
import org.springframework.beans.BeansException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The procedure template pages of a technician's organization: the list (data table), a template with its versions,
 * and the form that creates one or writes its next version. The form is bound ({@link ProcedureForm}) and validated;
 * what the service refuses is shown next to the field it names, in the user's language.
 */
@Controller
class ProcedurePagesController {

    /** Blank point rows a new form offers to type into; "more rows" adds as many. */
    static final int BLANK_POINTS = 3;

    private final ProcedureTemplates templates;

    ProcedurePagesController(ProcedureTemplates templates) {
        this.templates = templates;
    }

    /**
     * Numbers are read strictly (a typo is a field error, never half a number) and shown as typed, without binary
     * float noise or exponent ("0.0001", not "1.0E-4").
     */
    @InitBinder("form")
    void numbers(WebDataBinder binder) {
        binder.registerCustomEditor(Double.class, new java.beans.PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String s = text == null ? "" : text.strip();
                setValue(s.isEmpty() ? null : Double.valueOf(s));
            }

            @Override
            public String getAsText() {
                Object v = getValue();
                return v instanceof Double d && Double.isFinite(d)
                        ? java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()
                        : v == null ? "" : v.toString();
            }
        });
    }

    @GetMapping("/procedures")
    String list(@AuthenticationPrincipal MetroLimsUser user, HttpServletRequest request, Model model) {
        TableQuery table = TableQuery.of(request, List.of("code", "title", "updated"), false, "retired");
        ProcedureSort sort = switch (table.sort()) {
            case "title" -> ProcedureSort.TITLE;
            case "updated" -> ProcedureSort.UPDATED;
            default -> ProcedureSort.CODE;
        };
        model.addAttribute("table", table);
        model.addAttribute("procedures", templates.list(ProcedureActors.of(user), table.text(),
                "true".equals(table.filter("retired")), sort, table.descending(), table.pageRequest()));
        return "procedure/list";
    }

    @GetMapping("/procedures/{id}")
    String view(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, Model model) {
        ProcedureTemplate t = templates.get(ProcedureActors.of(user), id);
        model.addAttribute("template", t);
        model.addAttribute("shown", version == null ? t.current() : t.version(version));
        return "procedure/view";
    }

    @GetMapping("/procedures/new")
    String newForm(Model model) {
        ProcedureForm form = new ProcedureForm();
        form.setDecisionRule(DecisionRuleCode.SIMPLE_ACCEPTANCE);
        form.withBlankRows(BLANK_POINTS);
        return form(model, form, null);
    }

    @GetMapping("/procedures/{id}/edit")
    String editForm(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id, Model model) {
        ProcedureTemplate t = templates.get(ProcedureActors.of(user), id);
        ProcedureForm form = ProcedureForm.of(t.current(), t.currentVersion());
        form.withBlankRows(1);
        return form(model, form, t);
    }

    @PostMapping("/procedures")
    String create(@AuthenticationPrincipal MetroLimsUser user, @Valid @ModelAttribute("form") ProcedureForm form,
            BindingResult binding, @RequestParam(required = false) String moreRows, Model model,
            RedirectAttributes redirect) {
        if (moreRows != null || binding.hasErrors()) {
            form.withBlankRows(moreRows != null ? BLANK_POINTS : 0);
            return form(model, form, null);
        }
        Rows rows = new Rows(form);
        try {
            ProcedureTemplate t = templates.create(ProcedureActors.of(user), rows.draft(form.getCode()));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/procedures/" + t.id();
        } catch (InvalidInput e) {
            reject(binding, e, rows);
            form.withBlankRows(0);
            return form(model, form, null);
        }
    }

    @PostMapping("/procedures/{id}")
    String revise(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @Valid @ModelAttribute("form") ProcedureForm form, BindingResult binding,
            @RequestParam(required = false) String moreRows, Model model, RedirectAttributes redirect) {
        ProcedureTemplate t = templates.get(ProcedureActors.of(user), id);
        form.setCode(t.code()); // fixed: the code is shown, not edited
        if (moreRows != null || binding.hasErrors()) {
            form.withBlankRows(moreRows != null ? BLANK_POINTS : 0);
            return form(model, form, t);
        }
        Rows rows = new Rows(form);
        try {
            int basedOn = form.getVersion() == null ? -1 : form.getVersion();
            templates.revise(ProcedureActors.of(user), id, basedOn, rows.draft(null));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/procedures/" + id;
        } catch (InvalidInput e) {
            reject(binding, e, rows);
        } catch (Conflict e) {
            binding.reject("procedure.conflict." + e.code(), e.getMessage());
        }
        form.withBlankRows(0);
        return form(model, form, t);
    }

    @PostMapping("/procedures/{id}/retire")
    String retire(@AuthenticationPrincipal MetroLimsUser user, @PathVariable long id,
            @RequestParam(required = false) Integer version, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        if (version == null) {
            templates.get(ProcedureActors.of(user), id); // another organization's template is 404 first
            throw new ProcedureInputException("version", "quote the current version of the template");
        }
        templates.retire(ProcedureActors.of(user), id, version, reason);
        redirect.addFlashAttribute("retired", true);
        return "redirect:/procedures/" + id;
    }

    private String form(Model model, ProcedureForm form, ProcedureTemplate template) {
        model.addAttribute("form", form);
        model.addAttribute("template", template);
        model.addAttribute("instrumentTypes", templates.instrumentTypes());
        model.addAttribute("decisionRules", DecisionRuleCode.values());
        return "procedure/form";
    }

    /**
     * The service's refusal at the field the person typed: its path in the draft (blank rows left out) mapped back
     * to the form's row. The message is the bundle's for the field in the user's language, else the service's text.
     */
    private static void reject(BindingResult binding, InvalidInput e, Rows rows) {
        for (FieldError f : e.fields()) {
            String field = rows.formPath(f.field());
            String leaf = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
            String text = f.message().text();
            try {
                binding.rejectValue(field, "procedure.invalid." + leaf, new Object[] {text}, text);
            } catch (BeansException notAField) {
                binding.reject("procedure.invalid." + leaf, new Object[] {text}, text);
            }
        }
    }

    /** The form's non-blank rows as the draft's points, remembering which row each came from. */
    private static final class Rows {
        private static final Pattern POINT = Pattern.compile("^points\\[(\\d+)](?:\\.components\\[(\\d+)])?");
        private final List<Integer> pointRow = new ArrayList<>();
        private final List<List<Integer>> componentRow = new ArrayList<>();
        private final List<PointInput> points = new ArrayList<>();
        private final ProcedureForm form;

        Rows(ProcedureForm form) {
            this.form = form;
            for (int i = 0; i < form.getPoints().size(); i++) {
                ProcedureForm.PointRow p = form.getPoints().get(i);
                if (p == null || p.blank()) {
                    continue;
                }
                List<Integer> rows = new ArrayList<>();
                List<ComponentInput> components = new ArrayList<>();
                for (int j = 0; j < p.getComponents().size(); j++) {
                    ProcedureForm.ComponentRow c = p.getComponents().get(j);
                    if (c == null || c.blank()) {
                        continue;
                    }
                    rows.add(j);
                    components.add(new ComponentInput(c.getName(), text(c.getDistribution()),
                            c.getStandardUncertainty(), c.getHalfWidth(), c.getExpandedUncertainty(),
                            c.getCoverageFactor(), c.getSensitivity(), null));
                }
                pointRow.add(i);
                componentRow.add(rows);
                points.add(new PointInput(p.getNominal() == null ? Double.NaN : p.getNominal(),
                        ProcedureForm.isBlank(p.getUnit()) ? form.getUnit() : p.getUnit(), null, p.getTolerance(),
                        text(p.getToleranceUnit()), components));
            }
        }

        ProcedureDraft draft(String code) {
            return new ProcedureDraft(code, form.getTitle(), form.getInstrumentTypeId(), form.getUnit(),
                    form.getDecisionRule(), form.getDecisionRuleMultiplier(), form.getChangeNote(), points);
        }

        String formPath(String field) {
            Matcher m = POINT.matcher(field);
            if (!m.find()) {
                return field;
            }
            int i = Integer.parseInt(m.group(1));
            if (i >= pointRow.size()) {
                return field;
            }
            String mapped = "points[" + pointRow.get(i) + "]";
            if (m.group(2) != null) {
                int j = Integer.parseInt(m.group(2));
                List<Integer> rows = componentRow.get(i);
                mapped += ".components[" + (j < rows.size() ? rows.get(j) : j) + "]";
            }
            return mapped + field.substring(m.end());
        }

        private static String text(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }
}
