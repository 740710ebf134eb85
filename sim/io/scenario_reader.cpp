// Scenario file reader and validator; see scenario_reader.hpp and docs/scenario.md. Reads the
// top-level settings and gates here, hands each part of the file to its section reader
// (contact_center_reader, shop_reader, coaching_model_reader) and checks the whole at the end.
#include "io/scenario_reader.hpp"

#include <set>

#include "io/coaching_model_reader.hpp"
#include "io/contact_center_reader.hpp"
#include "io/shop_reader.hpp"
#include "io/text_file.hpp"
#include "io/timestamp.hpp"
#include "io/yaml_reader.hpp"

namespace cclab {

namespace {

class ScenarioReader {
 public:
  ScenarioReader(const std::string& file, const std::string& text) : y_(file, text) {
    sc_.file = file;
    sc_.text = text;
  }

  Scenario read() {
    if (y_.ok()) readRoot(y_.root());
    if (!y_.ok()) {
      // One message per place: a value that stands for several (a mon-fri row) is bad once.
      std::vector<Diagnostic> unique;
      std::set<std::string> seen;
      for (auto& d : y_.diagnostics())
        if (seen.insert(d.format()).second) unique.push_back(std::move(d));
      throw InputError(std::move(unique));
    }
    return std::move(sc_);
  }

 private:
  static constexpr long long kMaxAgents = ScenarioSectionReader::kMaxAgents;
  static constexpr double kMaxHorizonDays = ScenarioSectionReader::kMaxHorizonDays;
  static constexpr double kMaxExpectedContacts = ScenarioSectionReader::kMaxExpectedContacts;

  YamlReader y_;
  Scenario sc_;
  ContactCenterReader contactCenter_{y_, sc_};

  void readRoot(const YAML::Node& root) {
    if (!root.IsMap()) {
      y_.error(root, "", "a scenario file must be a map of 'key: value' lines at the top level");
      return;
    }
    y_.expectMap(root, "",
                 {"name", "description", "interval_minutes", "horizon_days", "warmup_hours",
                  "drain", "drain_limit_hours", "start_date", "channels", "agents", "shop", "gates",
                  "coaching", "kpi_definitions"});
    if (y_.has(root, "gates")) readGates(root["gates"]);
    sc_.hasShop = y_.has(root, "shop");
    readSettings(root);
    if (!y_.has(root, "channels")) {
      y_.missing(root, "", "channels");
      return;
    }
    contactCenter_.readChannels(root["channels"]);
    if (!y_.has(root, "agents")) {
      y_.missing(root, "", "agents");
      return;
    }
    contactCenter_.readGroups(root["agents"]);
    if (sc_.hasShop && y_.ok()) ShopReader(y_, sc_).read(root["shop"]);
    if (y_.has(root, "coaching")) {
      if (!sc_.hasShop)
        y_.errorAtKey(root, "coaching", "coaching",
                      "agent behaviour needs a 'shop:' section (contact reasons and outcomes)");
      else if (y_.ok())
        CoachingModelReader(y_, sc_).read(root["coaching"]);
    }
    if (y_.has(root, "kpi_definitions")) contactCenter_.readDefinitions(root["kpi_definitions"]);
    if (y_.ok()) contactCenter_.finish();
    crossChecks(root);
  }

  /// name, description, the interval, the horizon, warm-up and drain.
  void readSettings(const YAML::Node& root) {
    if (y_.has(root, "name")) {
      if (auto s = y_.string(root["name"], "name")) sc_.name = *s;
    } else {
      y_.missing(root, "", "name");
    }
    if (y_.has(root, "description"))
      if (auto s = y_.string(root["description"], "description")) sc_.description = *s;
    if (y_.has(root, "interval_minutes")) {
      if (auto v = y_.integer(root["interval_minutes"], "interval_minutes", 1, 1440)) {
        if (*v != 15 && *v != 30 && *v != 60)
          y_.error(root["interval_minutes"], "interval_minutes",
                   "must be 15, 30 or 60 (got " + std::to_string(*v) + ")");
        else
          sc_.intervalMinutes = static_cast<int>(*v);
      }
    }
    if (y_.has(root, "horizon_days")) {
      sc_.horizonLoc = {root["horizon_days"].Mark().line + 1,
                        root["horizon_days"].Mark().column + 1};
      if (auto v = y_.number(root["horizon_days"], "horizon_days", 0, kMaxHorizonDays, true))
        sc_.horizonDays = *v;
    }
    if (y_.has(root, "warmup_hours")) {
      if (auto v = y_.number(root["warmup_hours"], "warmup_hours", 0, kMaxHorizonDays * 24)) {
        if (*v * 3600 >= sc_.horizonSeconds())
          y_.error(root["warmup_hours"], "warmup_hours", "must be shorter than the horizon");
        else
          sc_.warmupHours = *v;
      }
    }
    if (y_.has(root, "drain"))
      if (auto b = y_.boolean(root["drain"], "drain")) sc_.drain = *b;
    if (y_.has(root, "drain_limit_hours"))
      if (auto v = y_.number(root["drain_limit_hours"], "drain_limit_hours", 0, 24 * 366))
        sc_.drainLimitHours = *v;
    if (y_.has(root, "start_date")) readStartDate(root["start_date"]);
  }

  /// start_date: the calendar date of day 0, a Monday (the simulated week starts on Monday).
  void readStartDate(const YAML::Node& n) {
    auto s = y_.string(n, "start_date");
    if (!s) return;
    auto days = parseIsoDate(*s);
    if (!days) {
      y_.error(n, "start_date", "expected a date YYYY-MM-DD (got '" + *s + "')");
      return;
    }
    if (const int wd = weekdayOf(*days); wd != 0) {
      y_.error(n, "start_date",
               *s + " is a " + kDayNames[wd] + "; day 0 of a run is a Monday: use " +
                   formatIsoDate(*days - wd));
      return;
    }
    sc_.startDate = *days;
  }

  void readGates(const YAML::Node& n) {
    if (!n.IsSequence()) {
      y_.error(n, "gates", "expected a list of gates like '- chat.service_level >= 0.8'");
      return;
    }
    for (size_t i = 0; i < n.size(); ++i)
      if (auto s = y_.string(n[i], "gates[" + std::to_string(i) + "]"))
        sc_.gates.push_back({*s, {n[i].Mark().line + 1, n[i].Mark().column + 1}});
  }

  // ---- whole-scenario checks -----------------------------------------------------------------
  void crossChecks(const YAML::Node& root) {
    if (!y_.ok()) return;
    long long agents = 0;
    for (size_t gi = 0; gi < sc_.groups.size(); ++gi) agents += sc_.groups[gi].size();
    if (sc_.hasShop) {
      double visits = 0;
      for (double r : sc_.shop.visitRatePerInterval) visits += r * sc_.intervalSeconds();
      visits *= sc_.horizonDays / 7.0;
      if (visits > kMaxExpectedContacts)
        y_.error(root["shop"]["visits"], "shop.visits",
                 "about " + std::to_string(static_cast<long long>(visits)) +
                     " visits over the horizon; the limit is 2e9");
    }
    if (agents > kMaxAgents)
      y_.error(root["agents"], "agents",
               "the scenario has " + std::to_string(agents) + " agents; the limit is " +
                   std::to_string(kMaxAgents));
    for (size_t c = 0; c < sc_.channels.size(); ++c) checkChannel(c);
  }

  /// A channel some group serves, with no more contacts than a run can hold.
  void checkChannel(size_t c) {
    YAML::Node node = contactCenter_.channelNodes()[c];
    bool served = false;
    for (const auto& g : sc_.groups)
      for (int gc : g.channels) served = served || gc == static_cast<int>(c);
    if (!served)
      y_.error(node, "channels." + sc_.channels[c].name,
               "no agent group serves channel '" + sc_.channels[c].name + "'");
    double expected = 0;
    const ArrivalProfile& a = sc_.arrivals[c];
    for (double r : a.ratePerInterval) expected += r * sc_.intervalSeconds();
    expected *= sc_.horizonDays / 7.0;
    if (!a.horizonRates.empty()) {
      expected = 0;
      for (double r : a.horizonRates) expected += r * sc_.intervalSeconds();
    }
    if (expected > kMaxExpectedContacts)
      y_.error(node["arrivals"], "channels." + sc_.channels[c].name + ".arrivals",
               "about " + std::to_string(static_cast<long long>(expected)) +
                   " contacts over the horizon; the limit is 2e9 per channel");
  }
};

}  // namespace

Scenario readScenarioText(const std::string& file, const std::string& text) {
  return ScenarioReader(file, text).read();
}

Scenario readScenarioFile(const std::string& path) {
  return readScenarioText(path, readWholeFile(path));
}

}  // namespace cclab
