// The summary sentences of report.html; see report_summary.hpp.
#include "results/report_summary.hpp"

#include <cmath>

#include "model/kpi_format.hpp"
#include "results/loyalty_weeks_report.hpp"

namespace cclab {

namespace {

using Json = nlohmann::ordered_json;

const char* tr(Lang lang, const char* en, const char* nl) {
  return lang == Lang::Nl ? nl : en;
}

double num(const Json& j) {
  return j.is_number() ? j.get<double>() : std::nan("");
}

/// The estimate at `path` of a summary ("shop", "orders"), or a null one.
const Json& entry(const Json& summary, const char* section, const std::string& key) {
  static const Json none;
  if (!summary.contains(section) || !summary[section].contains(key)) return none;
  return summary[section][key];
}

double meanOf(const Json& e) {
  return e.is_object() && e.contains("mean") ? num(e["mean"]) : std::nan("");
}

/// "a, b and c" ("a, b en c").
std::string listOf(const std::vector<std::string>& items, Lang lang, std::size_t most = 6) {
  std::string s;
  const std::size_t n = std::min(items.size(), most);
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) s += i + 1 == n && items.size() <= most ? tr(lang, " and ", " en ") : ", ";
    s += items[i];
  }
  if (items.size() > most)
    s += std::string(tr(lang, " and ", " en ")) + std::to_string(items.size() - most) +
         tr(lang, " more", " andere");
  return s;
}

std::string lower(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z' && (s.size() < 2 || !(s[1] >= 'A' && s[1] <= 'Z')))
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

/// The label of a comparison path in running text: "orders", "chat: first response time".
std::string pathName(const std::string& path, Lang lang) {
  const KpiPath p = parseKpiPath(path);
  const std::string name = lower(kpiName(p.label, p.key, lang));
  return p.channel.empty() ? name : p.channel + ": " + name;
}

/// Is `path` one of the KPIs the summary judges (the ones a manager decides on)?
bool decides(const std::string& path) {
  static const char* shop[] = {"orders",
                               "conversion_rate",
                               "revenue",
                               "revenue_per_visit",
                               "aov",
                               "cart_abandonment",
                               "checkout_abandonment",
                               "purchases_lost_unanswered",
                               "fcr",
                               "repeat_rate",
                               "csat",
                               "effort",
                               "cost_total",
                               "cost_per_order",
                               "cost_per_contact",
                               "net_contribution_per_week",
                               "customers_active"};
  static const char* channel[] = {"service_level", "asa_s", "first_response_s", "abandonment_rate",
                                  "availability"};
  const KpiPath p = parseKpiPath(path);
  if (!p.label) return false;
  for (const char* k : p.channel.empty()
                           ? std::vector<const char*>(std::begin(shop), std::end(shop))
                           : std::vector<const char*>(std::begin(channel), std::end(channel)))
    if (p.key == k) return true;
  return false;
}

/// "+123 (+2.3%)": a difference in its unit, with the relative change when it means something.
std::string change(const Json& e, KpiUnit unit, Lang lang) {
  std::string s = formatKpiDifference(num(e["difference"]["mean"]), unit, lang);
  const double rel = num(e["relative"]);
  if (unit != KpiUnit::Share && std::isfinite(rel)) s += ", " + formatRelative(rel, lang);
  return s;
}

/// What a variant does better, worse, and not really differently.
void verdictSentences(const Json& v, const std::string& base, Lang lang,
                      std::vector<std::string>& out) {
  std::vector<std::string> better, worse, same;
  for (const auto& [path, e] : v["kpis"].items()) {
    if (!decides(path) || e["difference"]["mean"].is_null()) continue;
    const KpiPath p = parseKpiPath(path);
    const double d = num(e["difference"]["mean"]);
    const std::string name = pathName(path, lang);
    if (!e["significant"].get<bool>()) {
      same.push_back(name);
      continue;
    }
    const std::string item = name + " (" + change(e, p.label->unit, lang) + ")";
    if (p.label->better == Better::Neither) continue;
    ((d > 0) == (p.label->better == Better::Higher) ? better : worse).push_back(item);
  }
  const std::string name = v["name"].get<std::string>();
  if (better.empty() && worse.empty())
    out.push_back(name + tr(lang, " and ", " en ") + base +
                  tr(lang, " show no real difference on the KPIs that decide.",
                     " verschillen niet echt op de beslissende KPI's."));
  if (!better.empty())
    out.push_back(name + tr(lang, " does better than ", " doet het beter dan ") + base +
                  tr(lang, " on ", " op ") + listOf(better, lang, 8) + ".");
  if (!worse.empty())
    out.push_back(name + tr(lang, " does worse on ", " doet het slechter op ") +
                  listOf(worse, lang, 8) + ".");
  if (!same.empty())
    out.push_back(tr(lang, "No real difference (the 95% interval includes 0) in ",
                     "Geen echt verschil (het 95%-interval bevat 0) in ") +
                  listOf(same, lang) + ".");
}

/// Revenue and cost changes, where the scenario has them.
void moneySentence(const Json& v, Lang lang, std::vector<std::string>& out) {
  const Json& k = v["kpis"];
  auto has = [&](const char* path) {
    return k.contains(path) && std::abs(num(k[path]["baseline"]["mean"])) > 0;
  };
  std::vector<std::string> parts;
  auto add = [&](const char* path) {
    if (!has(path)) return;
    const Json& e = k[path];
    const std::string real =
        e["significant"].get<bool>() ? tr(lang, "real", "echt") : tr(lang, "not real", "niet echt");
    parts.push_back(pathName(path, lang) + " " +
                    formatKpiDifference(num(e["difference"]["mean"]), KpiUnit::Euros, lang) + " (" +
                    real + ")");
  };
  for (const char* p :
       {"shop.revenue", "shop.cost_agents", "shop.cost_contacts", "shop.cost_total"})
    add(p);
  for (const char* p : {"shop.cost_per_order", "shop.cost_per_contact"})
    if (has(p))
      parts.push_back(pathName(p, lang) + " " +
                      formatKpi(num(k[p]["baseline"]["mean"]), KpiUnit::Euros, lang) + " -> " +
                      formatKpi(num(k[p]["variant"]["mean"]), KpiUnit::Euros, lang));
  if (!parts.empty())
    out.push_back(std::string(tr(lang, "Money: ", "Geld: ")) + listOf(parts, lang, 8) + ".");
}

/// With several variants: which one has the most orders (when that is a real gain).
void bestSentence(const Json& c, Lang lang, std::vector<std::string>& out) {
  if (c["variants"].size() < 2) return;
  const Json* best = nullptr;
  for (const auto& v : c["variants"]) {
    if (!v["kpis"].contains("shop.orders")) return;
    const Json& e = v["kpis"]["shop.orders"];
    if (!e["significant"].get<bool>() || num(e["difference"]["mean"]) <= 0) continue;
    if (!best ||
        num(e["difference"]["mean"]) > num((*best)["kpis"]["shop.orders"]["difference"]["mean"]))
      best = &v;
  }
  if (best)
    out.push_back(std::string(tr(lang, "Most orders: ", "Meeste bestellingen: ")) +
                  (*best)["name"].get<std::string>() + " (" +
                  change((*best)["kpis"]["shop.orders"], KpiUnit::Count, lang) + ").");
}

}  // namespace

std::vector<std::string> missedTargets(const Json& summary, const std::string& subject, Lang lang) {
  std::vector<std::string> out;
  if (!summary.contains("channels")) return out;
  for (const auto& [name, c] : summary["channels"].items()) {
    if (!c.contains("target") || !c.contains("service_level")) continue;
    const double target = num(c["target"]["service_level"]),
                 within = num(c["target"]["answer_within_s"]);
    const Json& e = c["service_level"];
    const double m = meanOf(e);
    if (!std::isfinite(m) || !std::isfinite(target) || m >= target) continue;
    const double hi = num(e["ci95"][1]);
    const bool sure = std::isfinite(hi) && hi < target;
    std::string s = subject.empty() ? "" : subject + ": ";
    s += name + tr(lang, " answers ", " beantwoordt ") + formatKpi(m, KpiUnit::Share, lang) +
         tr(lang, " within ", " binnen ") + formatKpi(within, KpiUnit::Seconds, lang) +
         tr(lang, " against a target of ", " tegen een doel van ") +
         formatKpi(target, KpiUnit::Share, lang) + tr(lang, " (95% interval ", " (95%-interval ") +
         formatKpiInterval(m, num(e["ci95"][0]), hi, KpiUnit::Share, lang) + ": " +
         (sure ? tr(lang, "a sure miss", "zeker gemist")
               : tr(lang, "perhaps met: more replications decide",
                    "misschien gehaald: meer replicaties beslissen")) +
         ")";
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> comparisonSentences(const Json& c, const std::vector<Json>& summaries,
                                             Lang lang) {
  std::vector<std::string> out;
  const std::string base = c["baseline"].get<std::string>();
  out.push_back(std::to_string(c["replications"].get<int>()) +
                tr(lang, " replications per variant, ", " replicaties per variant, ") +
                (c["common_random_numbers"].get<bool>()
                     ? tr(lang, "the same shoppers in every variant (common random numbers).",
                          "dezelfde klanten in elke variant (common random numbers).")
                     : tr(lang, "independent seeds (differences are less precise).",
                          "onafhankelijke seeds (verschillen zijn minder precies).")) +
                tr(lang, " A difference is real when its 95% interval excludes 0.",
                   " Een verschil is echt als het 95%-interval 0 niet bevat."));
  for (const auto& v : c["variants"]) {
    verdictSentences(v, base, lang, out);
    moneySentence(v, lang, out);
    loyaltySentence(v, lang, out);
  }
  bestSentence(c, lang, out);
  std::vector<std::string> missed;
  for (std::size_t i = 0; i < summaries.size(); ++i) {
    const std::string who =
        i == 0 ? base
               : (i - 1 < c["variants"].size() ? c["variants"][i - 1]["name"].get<std::string>()
                                               : std::string());
    for (auto& s : missedTargets(summaries[i], who, lang)) missed.push_back(s);
  }
  if (!summaries.empty())
    out.push_back(missed.empty() ? tr(lang, "Every channel meets its service-level target.",
                                      "Elk kanaal haalt zijn serviceniveaudoel.")
                                 : std::string(tr(lang, "Targets missed: ", "Doelen gemist: ")) +
                                       listOf(missed, lang, 20) + ".");
  return out;
}

namespace {

void shopSentence(const Json& s, Lang lang, std::vector<std::string>& out) {
  if (!s.contains("shop")) return;
  auto v = [&](const char* k, KpiUnit u) {
    return formatKpi(meanOf(entry(s, "shop", k)), u, lang);
  };
  out.push_back(
      v("visits", KpiUnit::Count) + tr(lang, " visits gave ", " bezoeken gaven ") +
      v("orders", KpiUnit::Count) + tr(lang, " orders (conversion ", " bestellingen (conversie ") +
      v("conversion_rate", KpiUnit::Share) +
      tr(lang, ") and a revenue of ", ") en een omzet van ") + v("revenue", KpiUnit::Euros) +
      tr(lang, "; questions without a quick answer cost ",
         "; vragen zonder snel antwoord kostten ") +
      v("purchases_lost_unanswered", KpiUnit::Count) + tr(lang, " purchases.", " aankopen."));
}

void channelSentences(const Json& s, Lang lang, std::vector<std::string>& out) {
  for (const auto& [name, c] : s["channels"].items()) {
    const std::string channel = name;  // clang 14 cannot capture a structured binding
    auto v = [&](const char* k, KpiUnit u) {
      return formatKpi(meanOf(entry(s["channels"], channel.c_str(), k)), u, lang);
    };
    const bool chat = c.contains("kind") && (c["kind"] == "chat" || c["kind"] == "messaging");
    std::string t =
        name + ": " + v("offered", KpiUnit::Count) + tr(lang, " contacts, ", " contacten, ");
    if (std::isfinite(meanOf(c["service_level"])))
      t += v("service_level", KpiUnit::Share) +
           tr(lang, " answered within ", " beantwoord binnen ") +
           formatKpi(num(c["target"]["answer_within_s"]), KpiUnit::Seconds, lang) +
           tr(lang, " (target ", " (doel ") +
           formatKpi(num(c["target"]["service_level"]), KpiUnit::Share, lang) + "), ";
    t += chat ? std::string(tr(lang, "first response ", "eerste reactie ")) +
                    v("first_response_s", KpiUnit::Seconds)
              : std::string(tr(lang, "average wait ", "gemiddelde wachttijd ")) +
                    v("asa_s", KpiUnit::Seconds);
    t += tr(lang, ", abandonment ", ", afhaken ") + v("abandonment_rate", KpiUnit::Share) + ".";
    out.push_back(t);
  }
}

void runMoneySentence(const Json& s, Lang lang, std::vector<std::string>& out) {
  const double total = meanOf(entry(s, "shop", "cost_total"));
  if (!(total > 0)) return;
  auto v = [&](const char* k) {
    return formatKpi(meanOf(entry(s, "shop", k)), KpiUnit::Euros, lang);
  };
  out.push_back(std::string(tr(lang, "Cost: ", "Kosten: ")) + v("cost_total") +
                tr(lang, " in total (agents ", " in totaal (medewerkers ") + v("cost_agents") +
                tr(lang, ", contacts ", ", contacten ") + v("cost_contacts") + "), " +
                v("cost_per_contact") +
                tr(lang, " per answered contact, ", " per beantwoord contact, ") +
                v("cost_per_order") + tr(lang, " per order.", " per bestelling."));
}

}  // namespace

std::vector<std::string> runSentences(const Json& s, const std::vector<GateResult>& gates,
                                      Lang lang) {
  std::vector<std::string> out;
  const double days = (num(s["window"]["to_s"]) - num(s["window"]["from_s"])) / 86400;
  out.push_back(std::string(tr(lang, "Means over ", "Gemiddelden over ")) +
                std::to_string(s["replications"].get<int>()) +
                tr(lang, " replications of ", " replicaties van ") +
                formatNumber(days, days == std::round(days) ? 0 : 1, lang) +
                tr(lang, " days (after the warm-up).", " dagen (na de opwarmperiode)."));
  shopSentence(s, lang, out);
  channelSentences(s, lang, out);
  runMoneySentence(s, lang, out);
  const auto missed = missedTargets(s, "", lang);
  out.push_back(missed.empty() ? tr(lang, "Every channel meets its service-level target.",
                                    "Elk kanaal haalt zijn serviceniveaudoel.")
                               : std::string(tr(lang, "Targets missed: ", "Doelen gemist: ")) +
                                     listOf(missed, lang, 20) + ".");
  int failed = 0, open = 0;
  std::vector<std::string> failing;
  for (const auto& g : gates) {
    if (g.status == GateStatus::Fail) {
      ++failed;
      failing.push_back(g.gate.text);
    }
    if (g.status == GateStatus::Inconclusive) ++open;
  }
  if (!gates.empty())
    out.push_back(std::string(tr(lang, "Gates: ", "Gates: ")) +
                  std::to_string(gates.size() - static_cast<std::size_t>(failed + open)) +
                  tr(lang, " passed, ", " gehaald, ") + std::to_string(failed) +
                  tr(lang, " failed", " niet gehaald") +
                  (failing.empty() ? "" : " (" + listOf(failing, lang) + ")") + ", " +
                  std::to_string(open) + tr(lang, " not decided.", " onbeslist."));
  return out;
}

}  // namespace cclab
