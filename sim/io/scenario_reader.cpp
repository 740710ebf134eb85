// Scenario file reader and validator; see scenario_reader.hpp and docs/scenario.md.
#include "io/scenario_reader.hpp"

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "io/rubric_reader.hpp"
#include "io/text_file.hpp"
#include "io/yaml_reader.hpp"

namespace cclab {

namespace {

namespace fs = std::filesystem;
constexpr long long kMaxAgents = 100000;
constexpr double kMaxHorizonDays = 3660;
constexpr double kMaxExpectedContacts = 2e9;

std::string join(const std::string& a, const std::string& b) {
  return a.empty() ? b : a + "." + b;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(trim(cur));
  return out;
}

int dayIndex(const std::string& d) {
  for (int i = 0; i < 7; ++i)
    if (d == kDayNames[i]) return i;
  return -1;
}

/// "mon-fri", "sat", "daily", "weekdays", "weekend", "mon,wed" -> set of days; false if malformed.
bool parseDays(const std::string& sel, std::array<bool, 7>& days) {
  days.fill(false);
  if (sel == "daily" || sel == "all") {
    days.fill(true);
    return true;
  }
  if (sel == "weekdays") {
    for (int i = 0; i < 5; ++i) days[i] = true;
    return true;
  }
  if (sel == "weekend") {
    days[5] = days[6] = true;
    return true;
  }
  for (const std::string& part : split(sel, ',')) {
    const auto dash = part.find('-');
    if (dash == std::string::npos) {
      const int d = dayIndex(part);
      if (d < 0) return false;
      days[d] = true;
    } else {
      const int a = dayIndex(trim(part.substr(0, dash)));
      const int b = dayIndex(trim(part.substr(dash + 1)));
      if (a < 0 || b < 0) return false;
      for (int d = a;; d = (d + 1) % 7) {
        days[d] = true;
        if (d == b) break;
      }
    }
  }
  return true;
}

/// "HH:MM" -> seconds; 24:00 allowed. -1 if malformed.
double parseClock(const std::string& s) {
  static const std::regex re("^([0-9]{1,2}):([0-9]{2})$");
  std::smatch m;
  if (!std::regex_match(s, m, re)) return -1;
  const int h = std::stoi(m[1]);
  const int mi = std::stoi(m[2]);
  if (h > 24 || mi > 59 || (h == 24 && mi != 0)) return -1;
  return h * 3600.0 + mi * 60.0;
}

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
  YamlReader y_;
  Scenario sc_;
  std::vector<YAML::Node> channelNodes_;

  void readRoot(const YAML::Node& root) {
    if (!root.IsMap()) {
      y_.error(root, "", "a scenario file must be a map of 'key: value' lines at the top level");
      return;
    }
    y_.expectMap(root, "",
                 {"name", "description", "interval_minutes", "horizon_days", "warmup_hours",
                  "drain", "drain_limit_hours", "channels", "agents", "shop", "gates", "coaching"});
    if (y_.has(root, "gates")) readGates(root["gates"]);
    sc_.hasShop = y_.has(root, "shop");
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

    if (!y_.has(root, "channels")) {
      y_.missing(root, "", "channels");
      return;
    }
    readChannels(root["channels"]);
    if (!y_.has(root, "agents")) {
      y_.missing(root, "", "agents");
      return;
    }
    readGroups(root["agents"]);
    if (sc_.hasShop && y_.ok()) readShop(root["shop"]);
    if (y_.has(root, "coaching")) {
      if (!sc_.hasShop)
        y_.errorAtKey(root, "coaching", "coaching",
                      "agent behaviour needs a 'shop:' section (contact reasons and outcomes)");
      else if (y_.ok())
        readCoaching(root["coaching"]);
    }
    crossChecks(root);
  }

  // ---- distributions -------------------------------------------------------------------------
  /// A distribution; `unit` is the key suffix: "_s" for durations (mean_s), "" for money (mean).
  std::optional<Distribution> readDistribution(const YAML::Node& n, const std::string& f,
                                               bool allowNone, const std::string& unit = "_s") {
    if (n.IsScalar() && n.Scalar() == "none") {
      if (!allowNone) {
        y_.error(n, f, "'none' is not allowed here (a value is needed)");
        return std::nullopt;
      }
      return Distribution::none();
    }
    if (!y_.expectOpenMap(n, f)) return std::nullopt;
    if (!y_.has(n, "dist")) {
      y_.missing(n, f, "dist");
      return std::nullopt;
    }
    auto kind = y_.oneOf(n["dist"], join(f, "dist"),
                         {"exponential", "deterministic", "lognormal", "uniform", "empirical"});
    if (!kind) return std::nullopt;
    const std::string mean = "mean" + unit, sd = "sd" + unit, value = "value" + unit,
                      lo = "min" + unit, hi = "max" + unit, values = "values" + unit;
    Distribution d;
    const double big = 1e9;
    auto need = [&](const std::string& key, bool positive) -> std::optional<double> {
      if (!y_.has(n, key.c_str())) {
        y_.missing(n, f, key.c_str());
        return std::nullopt;
      }
      return y_.number(n[key], join(f, key), 0, big, positive);
    };
    if (*kind == "exponential") {
      y_.expectMap(n, f, std::vector<std::string>{"dist", mean});
      d.kind = Distribution::Kind::Exponential;
      auto m = need(mean, true);
      if (!m) return std::nullopt;
      d.mean = *m;
    } else if (*kind == "deterministic") {
      y_.expectMap(n, f, std::vector<std::string>{"dist", value});
      d.kind = Distribution::Kind::Deterministic;
      auto m = need(value, true);
      if (!m) return std::nullopt;
      d.mean = *m;
    } else if (*kind == "lognormal") {
      y_.expectMap(n, f, std::vector<std::string>{"dist", mean, sd});
      d.kind = Distribution::Kind::Lognormal;
      auto m = need(mean, true);
      auto s = need(sd, true);
      if (!m || !s) return std::nullopt;
      d.mean = *m;
      d.sd = *s;
    } else if (*kind == "uniform") {
      y_.expectMap(n, f, std::vector<std::string>{"dist", lo, hi});
      d.kind = Distribution::Kind::Uniform;
      auto a = need(lo, false);
      auto b = need(hi, true);
      if (!a || !b) return std::nullopt;
      if (*b <= *a) {
        y_.error(n[hi], join(f, hi), "must be greater than " + lo);
        return std::nullopt;
      }
      d.lo = *a;
      d.hi = *b;
    } else {
      y_.expectMap(n, f, std::vector<std::string>{"dist", values, "weights", "interpolate"});
      d.kind = Distribution::Kind::Empirical;
      if (y_.has(n, "interpolate"))
        if (auto b = y_.boolean(n["interpolate"], join(f, "interpolate"))) d.interpolate = *b;
      if (!y_.has(n, values.c_str()) || !y_.has(n, "weights")) {
        y_.missing(n, f, y_.has(n, values.c_str()) ? "weights" : values.c_str());
        return std::nullopt;
      }
      const YAML::Node vs = n[values], ws = n["weights"];
      if (!vs.IsSequence() || vs.size() == 0) {
        y_.error(vs, join(f, values), "expected a non-empty list of values");
        return std::nullopt;
      }
      if (!ws.IsSequence() || ws.size() != vs.size()) {
        y_.error(ws, join(f, "weights"),
                 "expected a list of " + std::to_string(vs.size()) + " weights, one per value");
        return std::nullopt;
      }
      double total = 0;
      std::vector<double> w;
      for (size_t i = 0; i < vs.size(); ++i) {
        auto v = y_.number(vs[i], join(f, values + "[" + std::to_string(i) + "]"), 0, big);
        auto wt = y_.number(ws[i], join(f, "weights[" + std::to_string(i) + "]"), 0, big);
        if (!v || !wt) return std::nullopt;
        if (d.interpolate && !d.values.empty() && *v < d.values.back()) {
          y_.error(vs[i], join(f, values), "values must ascend when interpolate is true");
          return std::nullopt;
        }
        d.values.push_back(*v);
        w.push_back(*wt);
        total += *wt;
      }
      if (total <= 0) {
        y_.error(ws, join(f, "weights"), "weights must not all be zero");
        return std::nullopt;
      }
      double c = 0;
      for (double x : w) d.cumulative.push_back(c += x / total);
      d.cumulative.back() = 1.0;
      if (d.expectation() <= 0) {
        y_.error(vs, join(f, values), "the mean must be > 0");
        return std::nullopt;
      }
    }
    return d;
  }

  // ---- weekly tables -------------------------------------------------------------------------
  /// Reads a map of day selectors (mon-fri: ..., sat: ...) calling fn(dayIndex, valueNode, field)
  /// for every day covered, and rejects a day named twice.
  template <class Fn>
  bool forDays(const YAML::Node& n, const std::string& f, Fn fn) {
    if (!y_.expectOpenMap(n, f)) return false;
    std::array<std::string, 7> owner{};
    bool good = true;
    for (auto it = n.begin(); it != n.end(); ++it) {
      const std::string sel = it->first.Scalar();
      std::array<bool, 7> days{};
      if (!parseDays(sel, days)) {
        y_.error(it->first, join(f, sel),
                 "'" + sel +
                     "' is not a day selector (use mon..sun, ranges like mon-fri, "
                     "lists like mon,wed, or daily / weekdays / weekend)");
        good = false;
        continue;
      }
      for (int d = 0; d < 7; ++d) {
        if (!days[d]) continue;
        if (!owner[d].empty()) {
          y_.error(it->first, join(f, sel),
                   std::string(kDayNames[d]) + " is already given by '" + owner[d] + "'");
          good = false;
          continue;
        }
        owner[d] = sel;
        if (!fn(d, it->second, join(f, sel))) good = false;
      }
    }
    return good;
  }

  /// "08:00-21:00", "08:00-12:00, 13:00-17:00", "closed", or a list of such ranges, on day d.
  bool addHours(WeeklySchedule& w, int d, const YAML::Node& v, const std::string& f) {
    std::vector<std::string> ranges;
    if (v.IsSequence()) {
      for (const auto& e : v) {
        auto s = y_.string(e, f);
        if (!s) return false;
        ranges.push_back(*s);
      }
    } else {
      auto s = y_.string(v, f);
      if (!s) return false;
      if (trim(*s) == "closed") return true;
      ranges = split(*s, ',');
    }
    for (const std::string& r : ranges) {
      const auto dash = r.find('-');
      const double a = dash == std::string::npos ? -1 : parseClock(trim(r.substr(0, dash)));
      const double b = dash == std::string::npos ? -1 : parseClock(trim(r.substr(dash + 1)));
      if (a < 0 || b < 0 || a >= kDay) {
        y_.error(v, f, "malformed time range '" + r + "' (expected HH:MM-HH:MM, e.g. 08:00-21:00)");
        return false;
      }
      if (a == b) {
        y_.error(v, f, "time range '" + r + "' is empty");
        return false;
      }
      const double start = d * kDay + a;
      const double end = d * kDay + (b > a ? b : b + kDay);  // end before start: overnight
      std::string clash;
      if (!w.add(start, end, &clash)) {
        y_.error(v, f, "'" + r + "' overlaps another time block (at " + clash + ")");
        return false;
      }
    }
    return true;
  }

  std::optional<WeeklySchedule> readHours(const YAML::Node& n, const std::string& f) {
    if (n.IsScalar() && (n.Scalar() == "always" || n.Scalar() == "24x7"))
      return WeeklySchedule::always();
    WeeklySchedule w;
    bool good = forDays(n, f, [&](int d, const YAML::Node& v, const std::string& ff) {
      return addHours(w, d, v, ff);
    });
    if (!good) return std::nullopt;
    return w;
  }

  /// Per-interval values for each weekday; a day's list has intervalsPerDay entries, or 24 hourly
  /// ones that are spread evenly over the intervals of each hour. Unnamed days get zeros.
  std::optional<std::vector<double>> readWeeklyTable(const YAML::Node& n, const std::string& f,
                                                     bool integers, double max) {
    const int ipd = sc_.intervalsPerDay();
    std::vector<double> out(7 * ipd, 0.0);
    bool good = forDays(n, f, [&](int d, const YAML::Node& v, const std::string& ff) {
      if (!v.IsSequence() || (v.size() != static_cast<size_t>(ipd) && v.size() != 24)) {
        y_.error(v, ff,
                 "expected a list of " + std::to_string(ipd) + " values (one per " +
                     std::to_string(sc_.intervalMinutes) +
                     "-minute interval) or 24 (one per hour)" +
                     (v.IsSequence() ? ", got " + std::to_string(v.size()) : ""));
        return false;
      }
      const bool hourly = v.size() == 24 && ipd != 24;
      const int per = hourly ? ipd / 24 : 1;
      for (size_t i = 0; i < v.size(); ++i) {
        const std::string fi = ff + "[" + std::to_string(i) + "]";
        double x;
        if (integers) {
          auto k = y_.integer(v[i], fi, 0, static_cast<long long>(max));
          if (!k) return false;
          x = static_cast<double>(*k);
        } else {
          auto k = y_.number(v[i], fi, 0, max);
          if (!k) return false;
          x = *k;
        }
        for (int s = 0; s < per; ++s)
          out[d * ipd + static_cast<int>(i) * per + s] = integers ? x : x / per;
      }
      return true;
    });
    if (!good) return std::nullopt;
    return out;
  }

  // ---- channels ------------------------------------------------------------------------------
  void readChannels(const YAML::Node& n) {
    if (!y_.expectOpenMap(n, "channels")) return;
    if (n.size() == 0) {
      y_.error(n, "channels", "at least one channel is needed");
      return;
    }
    static const std::regex nameRe("^[a-z][a-z0-9_]*$");
    for (auto it = n.begin(); it != n.end(); ++it) {
      const std::string name = it->first.Scalar();
      const std::string f = "channels." + name;
      if (!std::regex_match(name, nameRe)) {
        y_.error(it->first, f,
                 "channel names use lower-case letters, digits and _ (got '" + name + "')");
        continue;
      }
      readChannel(name, it->second, f);
    }
  }

  void readChannel(const std::string& name, const YAML::Node& n, const std::string& f) {
    if (!y_.expectMap(
            n, f,
            {"kind", "hours", "when_closed", "patience", "handle_time", "chat_patience", "target",
             "cost_per_contact", "agent_selection", "hide_when_busy", "arrivals", "first_reply"}))
      return;
    Channel c;
    c.name = name;
    c.loc = {n.Mark().line + 1, n.Mark().column + 1};
    if (!y_.has(n, "kind")) {
      y_.missing(n, f, "kind");
      return;
    }
    auto kind = y_.oneOf(n["kind"], f + ".kind", {"phone", "chat", "email", "messaging"});
    if (!kind) return;
    c.kind = *kind == "phone"   ? ChannelKind::Phone
             : *kind == "chat"  ? ChannelKind::Chat
             : *kind == "email" ? ChannelKind::Email
                                : ChannelKind::Messaging;
    c.agentSelection =
        isSession(c.kind) ? AgentSelection::LeastLoaded : AgentSelection::LongestIdle;
    c.whenClosed = c.kind == ChannelKind::Email || c.kind == ChannelKind::Messaging
                       ? WhenClosed::Wait
                       : WhenClosed::Block;
    if (c.kind == ChannelKind::Email) c.targetAnswerS = 86400;
    if (y_.has(n, "hours"))
      if (auto h = readHours(n["hours"], f + ".hours")) c.hours = *h;
    if (c.hours.isNever()) y_.error(n["hours"], f + ".hours", "the channel is never open");
    if (y_.has(n, "when_closed")) {
      if (auto w = y_.oneOf(n["when_closed"], f + ".when_closed", {"block", "wait"}))
        c.whenClosed = *w == "block" ? WhenClosed::Block : WhenClosed::Wait;
    }
    if (y_.has(n, "patience")) {
      if (auto d = readDistribution(n["patience"], f + ".patience", true)) c.patience = *d;
    } else {
      y_.missing(n, f, "patience");
    }
    if (y_.has(n, "handle_time")) {
      if (auto d = readDistribution(n["handle_time"], f + ".handle_time", false)) c.handleTime = *d;
    } else {
      y_.missing(n, f, "handle_time");
    }
    if (y_.has(n, "chat_patience")) {
      if (!isSession(c.kind))
        y_.errorAtKey(n, "chat_patience", f + ".chat_patience",
                      "only chat and messaging channels can be left during the conversation");
      else if (auto d = readDistribution(n["chat_patience"], f + ".chat_patience", true))
        c.chatPatience = *d;
    }
    if (y_.has(n, "first_reply"))
      if (auto d = readDistribution(n["first_reply"], f + ".first_reply", false)) c.firstReply = *d;
    if (y_.has(n, "target")) {
      const YAML::Node t = n["target"];
      if (y_.expectMap(t, f + ".target", {"answer_within_s", "service_level"})) {
        y_.optionalNumber(t, "answer_within_s", f + ".target.answer_within_s", 0, 1e8,
                          c.targetAnswerS, true);
        y_.optionalNumber(t, "service_level", f + ".target.service_level", 0, 1,
                          c.targetServiceLevel);
      }
    }
    y_.optionalNumber(n, "cost_per_contact", f + ".cost_per_contact", 0, 1e9, c.costPerContact);
    if (y_.has(n, "agent_selection")) {
      if (auto s = y_.oneOf(n["agent_selection"], f + ".agent_selection",
                            {"longest_idle", "least_loaded"}))
        c.agentSelection =
            *s == "longest_idle" ? AgentSelection::LongestIdle : AgentSelection::LeastLoaded;
    }
    if (y_.has(n, "hide_when_busy")) {
      const YAML::Node h = n["hide_when_busy"];
      if (!isSession(c.kind)) {
        y_.errorAtKey(n, "hide_when_busy", f + ".hide_when_busy",
                      "only chat and messaging can be hidden when busy");
      } else if (y_.expectMap(h, f + ".hide_when_busy", {"no_free_slot", "queue_above"})) {
        c.hide.enabled = true;
        if (y_.has(h, "no_free_slot"))
          if (auto b = y_.boolean(h["no_free_slot"], f + ".hide_when_busy.no_free_slot"))
            c.hide.whenNoFreeSlot = *b;
        if (y_.has(h, "queue_above"))
          if (auto v = y_.integer(h["queue_above"], f + ".hide_when_busy.queue_above", 0, 1000000))
            c.hide.queueAbove = static_cast<int>(*v);
        if (!c.hide.whenNoFreeSlot && c.hide.queueAbove < 0)
          y_.error(h, f + ".hide_when_busy", "give no_free_slot: true, queue_above: N, or both");
      }
    }
    ArrivalProfile a;
    a.ratePerInterval.assign(sc_.intervalsPerWeek(), 0.0);
    if (y_.has(n, "arrivals")) {
      readArrivals(n["arrivals"], f + ".arrivals", a);
    } else if (!sc_.hasShop) {
      y_.missing(n, f, "arrivals");  // without a shop, forecast arrivals are the only demand
    }
    sc_.channels.push_back(std::move(c));
    sc_.arrivals.push_back(std::move(a));
    channelNodes_.push_back(n);
  }

  void readArrivals(const YAML::Node& n, const std::string& f, ArrivalProfile& a) {
    if (!y_.expectMap(n, f, {"per_hour", "per_interval"})) return;
    const bool ph = y_.has(n, "per_hour"), pi = y_.has(n, "per_interval");
    if (ph == pi) {
      y_.error(n, f, "give exactly one of per_hour (a constant rate) or per_interval (a table)");
      return;
    }
    if (ph) {
      if (auto v = y_.number(n["per_hour"], f + ".per_hour", 0, 1e9)) {
        a.ratePerInterval.assign(sc_.intervalsPerWeek(), *v / 3600.0);
        a.stationary = true;
      }
    } else if (auto t = readWeeklyTable(n["per_interval"], f + ".per_interval", false, 1e9)) {
      for (size_t i = 0; i < t->size(); ++i) a.ratePerInterval[i] = (*t)[i] / sc_.intervalSeconds();
    }
  }

  // ---- agent groups --------------------------------------------------------------------------
  void readGroups(const YAML::Node& n) {
    if (!n.IsSequence() || n.size() == 0) {
      y_.error(n, "agents", "expected a list of agent groups (each starting with '- name: ...')");
      return;
    }
    for (size_t i = 0; i < n.size(); ++i) readGroup(n[i], "agents[" + std::to_string(i) + "]");
  }

  void readGroup(const YAML::Node& n, std::string f) {
    if (!y_.expectMap(n, f,
                      {"name", "channels", "concurrency", "slowdown", "contact_selection",
                       "cost_per_hour", "count", "shifts", "per_interval"}))
      return;
    AgentGroup g;
    g.loc = {n.Mark().line + 1, n.Mark().column + 1};
    if (y_.has(n, "name")) {
      if (auto s = y_.string(n["name"], f + ".name")) g.name = *s;
    } else {
      y_.missing(n, f, "name");
    }
    if (!g.name.empty()) {
      for (const auto& o : sc_.groups)
        if (o.name == g.name)
          y_.error(n["name"], f + ".name", "group '" + g.name + "' is given twice");
      f = "agents." + g.name;
    }
    if (!y_.has(n, "channels")) {
      y_.missing(n, f, "channels");
    } else {
      const YAML::Node cs = n["channels"];
      if (!cs.IsSequence() || cs.size() == 0) {
        y_.error(cs, f + ".channels", "an agent group must serve at least one channel");
      } else {
        for (size_t i = 0; i < cs.size(); ++i) {
          auto s = y_.string(cs[i], f + ".channels");
          if (!s) continue;
          const int ci = sc_.channelIndex(*s);
          if (ci < 0) {
            y_.error(cs[i], f + ".channels", "unknown channel '" + *s + "'");
            continue;
          }
          for (int o : g.channels)
            if (o == ci) y_.error(cs[i], f + ".channels", "channel '" + *s + "' is listed twice");
          g.channels.push_back(ci);
        }
      }
    }
    if (y_.has(n, "concurrency"))
      if (auto v = y_.integer(n["concurrency"], f + ".concurrency", 1, 100))
        g.concurrency = static_cast<int>(*v);
    if (y_.has(n, "slowdown"))
      if (auto v = y_.number(n["slowdown"], f + ".slowdown", 0, 100)) g.slowdown = *v;
    if (y_.has(n, "contact_selection"))
      if (auto s = y_.oneOf(n["contact_selection"], f + ".contact_selection",
                            {"priority", "longest_waiting"}))
        g.contactSelection =
            *s == "priority" ? ContactSelection::Priority : ContactSelection::LongestWaiting;
    if (y_.has(n, "cost_per_hour"))
      if (auto v = y_.number(n["cost_per_hour"], f + ".cost_per_hour", 0, 1e6)) g.costPerHour = *v;

    const int forms = y_.has(n, "count") + y_.has(n, "shifts") + y_.has(n, "per_interval");
    if (forms != 1) {
      y_.error(n, f, "give exactly one of count (always on duty), shifts, or per_interval");
    } else if (y_.has(n, "count")) {
      g.staffing = AgentGroup::Staffing::Constant;
      if (auto v = y_.integer(n["count"], f + ".count", 0, kMaxAgents))
        g.count = static_cast<int>(*v);
    } else if (y_.has(n, "shifts")) {
      g.staffing = AgentGroup::Staffing::Shifts;
      readShifts(n["shifts"], f + ".shifts", g);
    } else {
      g.staffing = AgentGroup::Staffing::PerInterval;
      if (auto t = readWeeklyTable(n["per_interval"], f + ".per_interval", true, kMaxAgents))
        for (double v : *t) g.perInterval.push_back(static_cast<int>(v));
    }
    sc_.groups.push_back(std::move(g));
  }

  void readShifts(const YAML::Node& n, const std::string& f, AgentGroup& g) {
    if (!n.IsSequence() || n.size() == 0) {
      y_.error(n, f, "expected a list of shifts ('- {name: early, agents: 3, hours: {...}}')");
      return;
    }
    for (size_t i = 0; i < n.size(); ++i) {
      const YAML::Node s = n[i];
      std::string sf = f + "[" + std::to_string(i) + "]";
      if (!y_.expectMap(s, sf, {"name", "agents", "hours", "from_day", "to_day"})) continue;
      Shift sh;
      sh.loc = {s.Mark().line + 1, s.Mark().column + 1};
      if (y_.has(s, "name"))
        if (auto v = y_.string(s["name"], sf + ".name")) sh.name = *v;
      if (!sh.name.empty()) sf = f + "." + sh.name;
      if (y_.has(s, "agents")) {
        if (auto v = y_.integer(s["agents"], sf + ".agents", 0, kMaxAgents))
          sh.agents = static_cast<int>(*v);
      } else {
        y_.missing(s, sf, "agents");
      }
      if (y_.has(s, "hours")) {
        if (auto h = readHours(s["hours"], sf + ".hours")) sh.hours = *h;
      } else {
        y_.missing(s, sf, "hours");
      }
      if (y_.has(s, "from_day"))
        if (auto v = y_.number(s["from_day"], sf + ".from_day", 0, kMaxHorizonDays))
          sh.fromDay = *v;
      if (y_.has(s, "to_day"))
        if (auto v = y_.number(s["to_day"], sf + ".to_day", 0, kMaxHorizonDays)) {
          sh.toDay = *v;
          if (sh.toDay <= sh.fromDay)
            y_.error(s["to_day"], sf + ".to_day", "must be after from_day");
        }
      g.shifts.push_back(std::move(sh));
    }
  }

  // ---- shop ----------------------------------------------------------------------------------
  std::optional<double> prob(const YAML::Node& n, const std::string& f) {
    return y_.number(n, f, 0, 1);
  }

  /// A map of names to probabilities that must sum to 1 (within 1e-6); `index` maps a name to its
  /// slot (-1: unknown, reported with `what`).
  template <class Index>
  std::optional<std::vector<double>> readMix(const YAML::Node& n, const std::string& f, size_t size,
                                             Index index, const char* what, bool mustSumToOne) {
    if (!y_.expectOpenMap(n, f)) return std::nullopt;
    std::vector<double> out(size, 0.0);
    double total = 0;
    bool good = true;
    for (auto it = n.begin(); it != n.end(); ++it) {
      const std::string k = it->first.Scalar();
      const int i = index(k);
      if (i < 0) {
        y_.error(it->first, join(f, k), std::string("unknown ") + what + " '" + k + "'");
        good = false;
        continue;
      }
      auto v = prob(it->second, join(f, k));
      if (!v) {
        good = false;
        continue;
      }
      out[static_cast<size_t>(i)] = *v;
      total += *v;
    }
    if (!good) return std::nullopt;
    if (mustSumToOne && std::abs(total - 1.0) > 1e-6) {
      std::ostringstream o;
      o << "the shares must sum to 1 (they sum to " << total << ")";
      y_.error(n, f, o.str());
      return std::nullopt;
    }
    return out;
  }

  /// Per-channel non-negative weights, by channel name.
  std::optional<std::vector<double>> readChannelWeights(const YAML::Node& n, const std::string& f,
                                                        double fill, double max) {
    if (!y_.expectOpenMap(n, f)) return std::nullopt;
    std::vector<double> out(sc_.channels.size(), fill);
    for (auto it = n.begin(); it != n.end(); ++it) {
      const std::string k = it->first.Scalar();
      const int c = sc_.channelIndex(k);
      if (c < 0) {
        y_.error(it->first, join(f, k), "unknown channel '" + k + "'");
        return std::nullopt;
      }
      auto v = y_.number(it->second, join(f, k), 0, max);
      if (!v) return std::nullopt;
      out[static_cast<size_t>(c)] = *v;
    }
    return out;
  }

  std::optional<std::vector<bool>> readStageList(const YAML::Node& n, const std::string& f) {
    std::vector<bool> out(kStageCount, false);
    if (n.IsScalar()) {
      const std::string v = n.Scalar();
      if (v == "none") return out;
      if (v == "everywhere") return std::vector<bool>(kStageCount, true);
      if (v == "cart_only") {
        out[kCart] = true;
        return out;
      }
      if (v == "cart_checkout") {
        out[kCart] = out[kCheckout] = true;
        return out;
      }
      if (v == "product_pages") {
        out[kDiscovery] = true;
        return out;
      }
      y_.error(n, f,
               "'" + v +
                   "' is not a placement (none, cart_only, cart_checkout, product_pages, "
                   "everywhere, or a list of stages)");
      return std::nullopt;
    }
    if (!n.IsSequence()) {
      y_.error(n, f, "expected a placement word or a list of stages");
      return std::nullopt;
    }
    for (const auto& e : n) {
      auto st = y_.string(e, f);
      if (!st) return std::nullopt;
      const int i = stageIndex(*st);
      if (i < 0) {
        y_.error(e, f,
                 "unknown stage '" + *st +
                     "' (stages: research, discovery, cart, checkout, delivery, returns)");
        return std::nullopt;
      }
      out[static_cast<size_t>(i)] = true;
    }
    return out;
  }

  void readShop(const YAML::Node& n) {
    const std::string f = "shop";
    if (!y_.expectMap(n, f,
                      {"visits",
                       "segments",
                       "returning_forward_factor",
                       "entry",
                       "stages",
                       "reasons",
                       "content_quality",
                       "self_service_cost",
                       "chat_placement",
                       "always_offered",
                       "unanswered_abandonment",
                       "answered_recovery",
                       "resolution",
                       "csat",
                       "csat_unresolved_factor",
                       "order_value",
                       "chat_value_uplift",
                       "repeat",
                       "proactive",
                       "phases",
                       "chatbot"}))
      return;
    Shop& sh = sc_.shop;
    const size_t nc = sc_.channels.size();
    // visits
    sh.visitRatePerInterval.assign(static_cast<size_t>(sc_.intervalsPerWeek()), 0.0);
    if (!y_.has(n, "visits")) {
      y_.missing(n, f, "visits");
    } else {
      ArrivalProfile a;
      a.ratePerInterval.assign(static_cast<size_t>(sc_.intervalsPerWeek()), 0.0);
      readArrivals(n["visits"], f + ".visits", a);
      sh.visitRatePerInterval = a.ratePerInterval;
    }
    // reasons first: stages refer to them
    if (!y_.has(n, "reasons")) {
      y_.missing(n, f, "reasons");
      return;
    }
    const YAML::Node rs = n["reasons"];
    if (!y_.expectOpenMap(rs, f + ".reasons") || rs.size() == 0) {
      if (rs.IsMap()) y_.error(rs, f + ".reasons", "at least one contact reason is needed");
      return;
    }
    for (auto it = rs.begin(); it != rs.end(); ++it) {
      const std::string name = it->first.Scalar(), rf = f + ".reasons." + name;
      const YAML::Node r = it->second;
      if (!y_.expectMap(r, rf,
                        {"id", "group", "self_service", "channel_factors", "bot_containment"}))
        continue;
      ContactReason cr;
      cr.name = name;
      cr.channelFactor.assign(nc, 1.0);
      if (!y_.has(r, "id")) {
        y_.missing(r, rf, "id");
      } else if (auto v = y_.integer(r["id"], rf + ".id", 1, 999999)) {
        cr.id = static_cast<int>(*v);
        for (const auto& o : sh.reasons)
          if (o.id == cr.id)
            y_.error(r["id"], rf + ".id",
                     "id " + std::to_string(cr.id) + " is also used by '" + o.name + "'");
      }
      if (y_.has(r, "group"))
        if (auto v = y_.string(r["group"], rf + ".group")) cr.group = *v;
      if (y_.has(r, "self_service"))
        if (auto v = prob(r["self_service"], rf + ".self_service")) cr.selfService = *v;
      if (y_.has(r, "bot_containment"))
        if (auto v = prob(r["bot_containment"], rf + ".bot_containment")) cr.botContainment = *v;
      if (y_.has(r, "channel_factors"))
        if (auto v = readChannelWeights(r["channel_factors"], rf + ".channel_factors", 1.0, 1e6))
          cr.channelFactor = *v;
      sh.reasons.push_back(std::move(cr));
    }
    auto reasonIndex = [&](const std::string& k) {
      for (size_t i = 0; i < sh.reasons.size(); ++i)
        if (sh.reasons[i].name == k) return static_cast<int>(i);
      return -1;
    };
    // segments
    if (!y_.has(n, "segments")) {
      Segment s;
      s.name = "all";
      s.channelWeight.assign(nc, 1.0);
      sh.segments.push_back(s);
    } else if (y_.expectOpenMap(n["segments"], f + ".segments")) {
      double total = 0;
      for (auto it = n["segments"].begin(); it != n["segments"].end(); ++it) {
        const std::string name = it->first.Scalar(), sf = f + ".segments." + name;
        const YAML::Node g = it->second;
        if (!y_.expectMap(
                g, sf,
                {"share", "returning", "question_factor", "channel_weights", "no_contact_weight"}))
          continue;
        Segment s;
        s.name = name;
        s.channelWeight.assign(nc, 1.0);
        if (!y_.has(g, "share"))
          y_.missing(g, sf, "share");
        else if (auto v = prob(g["share"], sf + ".share"))
          s.share = *v;
        total += s.share;
        if (y_.has(g, "returning"))
          if (auto v = prob(g["returning"], sf + ".returning")) s.returning = *v;
        if (y_.has(g, "question_factor"))
          if (auto v = y_.number(g["question_factor"], sf + ".question_factor", 0, 100))
            s.questionFactor = *v;
        if (y_.has(g, "channel_weights"))
          if (auto v = readChannelWeights(g["channel_weights"], sf + ".channel_weights", 0.0, 1e6))
            s.channelWeight = *v;
        if (y_.has(g, "no_contact_weight"))
          if (auto v = y_.number(g["no_contact_weight"], sf + ".no_contact_weight", 0, 1e6))
            s.noContactWeight = *v;
        sh.segments.push_back(std::move(s));
      }
      if (y_.ok() && std::abs(total - 1.0) > 1e-6) {
        std::ostringstream o;
        o << "segment shares must sum to 1 (they sum to " << total << ")";
        y_.error(n["segments"], f + ".segments", o.str());
      }
    }
    if (y_.has(n, "returning_forward_factor"))
      if (auto v =
              y_.number(n["returning_forward_factor"], f + ".returning_forward_factor", 0, 100))
        sh.returningForwardFactor = *v;
    // entry
    sh.entry.assign(kPrePurchaseStages, 0.0);
    sh.entry[kResearch] = 1.0;
    if (y_.has(n, "entry")) {
      auto pre = [&](const std::string& k) {
        const int s = stageIndex(k);
        return s >= 0 && s < kPrePurchaseStages ? s : -1;
      };
      if (auto v = readMix(n["entry"], f + ".entry", kPrePurchaseStages, pre, "pre-purchase stage",
                           true))
        sh.entry = *v;
    }
    // stages
    if (!y_.has(n, "stages")) {
      y_.missing(n, f, "stages");
    } else if (y_.expectOpenMap(n["stages"], f + ".stages")) {
      std::vector<bool> seen(kStageCount, false);
      for (auto it = n["stages"].begin(); it != n["stages"].end(); ++it) {
        const std::string name = it->first.Scalar(), sf = f + ".stages." + name;
        const int s = stageIndex(name);
        if (s < 0) {
          y_.error(it->first, sf,
                   "unknown stage '" + name +
                       "' (stages: research, discovery, cart, checkout, delivery, returns)");
          continue;
        }
        seen[static_cast<size_t>(s)] = true;
        const bool post = s >= kPrePurchaseStages;
        const YAML::Node g = it->second;
        if (post ? !y_.expectMap(g, sf, {"delay", "question", "reasons"})
                 : !y_.expectMap(g, sf, {"dwell", "forward", "question", "reasons"}))
          continue;
        StageSpec& st = sh.stages[s];
        const char* durKey = post ? "delay" : "dwell";
        if (!y_.has(g, durKey))
          y_.missing(g, sf, durKey);
        else if (auto d = readDistribution(g[durKey], sf + "." + durKey, false))
          st.dwell = *d;
        if (!post) {
          if (!y_.has(g, "forward"))
            y_.missing(g, sf, "forward");
          else if (auto v = prob(g["forward"], sf + ".forward"))
            st.forward = *v;
        }
        if (y_.has(g, "question"))
          if (auto v = prob(g["question"], sf + ".question")) st.question = *v;
        st.reasonMix.assign(sh.reasons.size(), 0.0);
        if (st.question > 0 && !y_.has(g, "reasons")) {
          y_.missing(g, sf, "reasons");
        } else if (y_.has(g, "reasons")) {
          if (auto v = readMix(g["reasons"], sf + ".reasons", sh.reasons.size(), reasonIndex,
                               "contact reason", true))
            st.reasonMix = *v;
        }
      }
      for (int s = 0; s < kPrePurchaseStages; ++s)
        if (!seen[static_cast<size_t>(s)] && y_.ok())
          y_.error(n["stages"], f + ".stages",
                   std::string("stage '") + stageName(s) + "' is missing");
    }
    // offers
    sh.offered.assign(kStageCount, std::vector<bool>(nc, false));
    std::vector<bool> placement(kStageCount, false);
    if (y_.has(n, "chat_placement")) {
      if (auto v = readStageList(n["chat_placement"], f + ".chat_placement")) placement = *v;
    }
    std::vector<bool> always(nc, false);
    if (y_.has(n, "always_offered")) {
      const YAML::Node a = n["always_offered"];
      if (!a.IsSequence()) {
        y_.error(a, f + ".always_offered", "expected a list of channels");
      } else {
        for (const auto& e : a) {
          auto s = y_.string(e, f + ".always_offered");
          if (!s) continue;
          const int c = sc_.channelIndex(*s);
          if (c < 0)
            y_.error(e, f + ".always_offered", "unknown channel '" + *s + "'");
          else
            always[static_cast<size_t>(c)] = true;
        }
      }
    } else {
      for (size_t c = 0; c < nc; ++c) always[c] = sc_.channels[c].kind != ChannelKind::Chat;
    }
    for (int s = 0; s < kStageCount; ++s)
      for (size_t c = 0; c < nc; ++c)
        sh.offered[static_cast<size_t>(s)][c] =
            always[c] ||
            (sc_.channels[c].kind == ChannelKind::Chat && placement[static_cast<size_t>(s)]);
    // scalars
    auto readProb = [&](const char* key, double& into) {
      if (y_.has(n, key))
        if (auto v = prob(n[key], f + "." + key)) into = *v;
    };
    readProb("unanswered_abandonment", sh.unansweredAbandonment);
    readProb("answered_recovery", sh.answeredRecovery);
    readProb("csat_unresolved_factor", sh.csatUnresolvedFactor);
    y_.optionalNumber(n, "content_quality", f + ".content_quality", 0, 10, sh.contentQuality);
    y_.optionalNumber(n, "self_service_cost", f + ".self_service_cost", 0, 1e6, sh.selfServiceCost);
    y_.optionalNumber(n, "chat_value_uplift", f + ".chat_value_uplift", 0, 100, sh.chatValueUplift);
    sh.resolution.assign(nc, 0.8);
    sh.csat.assign(nc, 0.7);
    auto chanProbs = [&](const char* key, std::vector<double>& into) {
      if (!y_.has(n, key)) return;
      if (auto v = readChannelWeights(n[key], f + "." + key, -1.0, 1.0))
        for (size_t c = 0; c < nc; ++c)
          if ((*v)[c] >= 0) into[c] = (*v)[c];
    };
    chanProbs("resolution", sh.resolution);
    chanProbs("csat", sh.csat);
    if (!y_.has(n, "order_value"))
      y_.missing(n, f, "order_value");
    else if (auto d = readDistribution(n["order_value"], f + ".order_value", false, ""))
      sh.orderValue = *d;
    sh.repeatDelay.kind = Distribution::Kind::Uniform;
    sh.repeatDelay.lo = 3600;
    sh.repeatDelay.hi = 7 * 86400.0;
    if (y_.has(n, "repeat")) {
      const YAML::Node r = n["repeat"];
      const std::string rf = f + ".repeat";
      if (y_.expectMap(r, rf, {"probability", "delay", "switch_channel", "window_days"})) {
        if (y_.has(r, "probability"))
          if (auto v = prob(r["probability"], rf + ".probability")) sh.repeatIfUnresolved = *v;
        if (y_.has(r, "delay"))
          if (auto d = readDistribution(r["delay"], rf + ".delay", false)) sh.repeatDelay = *d;
        if (y_.has(r, "switch_channel"))
          if (auto v = prob(r["switch_channel"], rf + ".switch_channel")) sh.switchChannel = *v;
        if (y_.has(r, "window_days"))
          if (auto v = y_.number(r["window_days"], rf + ".window_days", 0, 365, true))
            sh.repeatWindowDays = *v;
      }
    }
    if (y_.has(n, "proactive")) {
      const YAML::Node p = n["proactive"];
      const std::string pf = f + ".proactive";
      if (y_.expectMap(p, pf, {"stages", "after_s", "accept", "channel"})) {
        Proactive& pr = sh.proactive;
        pr.enabled = true;
        pr.stages.assign(kStageCount, false);
        if (!y_.has(p, "stages"))
          y_.missing(p, pf, "stages");
        else if (auto v = readStageList(p["stages"], pf + ".stages"))
          pr.stages = *v;
        for (int s = kPrePurchaseStages; s < kStageCount; ++s)
          if (pr.stages[static_cast<size_t>(s)])
            y_.error(p["stages"], pf + ".stages",
                     "proactive invitations are for the shopping stages "
                     "(research, discovery, cart, checkout)");
        if (y_.has(p, "after_s"))
          if (auto v = y_.number(p["after_s"], pf + ".after_s", 0, 86400)) pr.afterS = *v;
        if (y_.has(p, "accept"))
          if (auto v = prob(p["accept"], pf + ".accept")) pr.accept = *v;
        if (!y_.has(p, "channel")) {
          y_.missing(p, pf, "channel");
        } else if (auto s = y_.string(p["channel"], pf + ".channel")) {
          pr.channel = sc_.channelIndex(*s);
          if (pr.channel < 0) {
            y_.error(p["channel"], pf + ".channel", "unknown channel '" + *s + "'");
          } else if (sc_.channels[static_cast<size_t>(pr.channel)].kind != ChannelKind::Chat) {
            y_.error(p["channel"], pf + ".channel", "proactive invitations need a chat channel");
          } else if (y_.ok() && !y_.has(n, "phases")) {  // with phases, each phase checks
            for (int s2 = 0; s2 < kPrePurchaseStages; ++s2)
              if (pr.stages[static_cast<size_t>(s2)] &&
                  !sh.offered[static_cast<size_t>(s2)][static_cast<size_t>(pr.channel)])
                y_.error(p["channel"], pf + ".channel",
                         "channel '" + *s + "' is not offered on stage '" + stageName(s2) +
                             "' (see chat_placement)");
          }
        }
      }
    }
    if (y_.has(n, "phases")) readPhases(n["phases"], f + ".phases", always);
    if (y_.has(n, "chatbot")) readChatbot(n["chatbot"], f + ".chatbot");
  }

  void readChatbot(const YAML::Node& b, const std::string& f) {
    Shop::Chatbot& bot = sc_.shop.chatbot;
    if (!y_.expectMap(b, f,
                      {"channel", "handoff_handle_factor", "cost_per_conversation",
                       "callback_channel", "callback_delay"}))
      return;
    bot.enabled = true;
    auto channelOf = [&](const char* key, ChannelKind kind, const char* what) {
      auto s = y_.string(b[key], f + "." + key);
      if (!s) return -1;
      const int c = sc_.channelIndex(*s);
      if (c < 0) {
        y_.error(b[key], f + "." + key, "unknown channel '" + *s + "'");
        return -1;
      }
      if (sc_.channels[static_cast<size_t>(c)].kind != kind) {
        y_.error(b[key], f + "." + key, std::string("must be a ") + what + " channel");
        return -1;
      }
      return c;
    };
    if (!y_.has(b, "channel"))
      y_.missing(b, f, "channel");
    else
      bot.channel = channelOf("channel", ChannelKind::Chat, "chat");
    if (y_.has(b, "handoff_handle_factor"))
      if (auto v = y_.number(b["handoff_handle_factor"], f + ".handoff_handle_factor", 0, 1, true))
        bot.handoffFactor = *v;
    if (y_.has(b, "cost_per_conversation"))
      if (auto v = y_.number(b["cost_per_conversation"], f + ".cost_per_conversation", 0, 1e6))
        bot.costPerConversation = *v;
    bot.callbackDelay = Distribution::deterministic(1800);
    if (y_.has(b, "callback_channel"))
      bot.callbackChannel = channelOf("callback_channel", ChannelKind::Phone, "phone");
    if (y_.has(b, "callback_delay"))
      if (auto d = readDistribution(b["callback_delay"], f + ".callback_delay", false))
        bot.callbackDelay = *d;
  }

  void readPhases(const YAML::Node& n, const std::string& f, const std::vector<bool>& always) {
    Shop& sh = sc_.shop;
    const size_t nc = sc_.channels.size();
    if (!n.IsSequence() || n.size() == 0) {
      y_.error(
          n, f,
          "expected a list of phases ('- {name: week1, from_day: 0, chat_placement: cart_only}')");
      return;
    }
    for (size_t i = 0; i < n.size(); ++i) {
      const YAML::Node p = n[i];
      std::string pf = f + "[" + std::to_string(i) + "]";
      if (!y_.expectMap(p, pf, {"name", "from_day", "chat_placement", "proactive"})) continue;
      Shop::Phase ph;
      if (!y_.has(p, "name"))
        y_.missing(p, pf, "name");
      else if (auto v = y_.string(p["name"], pf + ".name"))
        ph.name = *v;
      if (!y_.has(p, "from_day")) {
        y_.missing(p, pf, "from_day");
      } else if (auto v = y_.number(p["from_day"], pf + ".from_day", 0, sc_.horizonDays)) {
        ph.fromDay = *v;
        if (!sh.phases.empty() && ph.fromDay <= sh.phases.back().fromDay)
          y_.error(p["from_day"], pf + ".from_day", "phases must start on ascending days");
      }
      std::vector<bool> placement(kStageCount, false);
      if (!y_.has(p, "chat_placement"))
        y_.missing(p, pf, "chat_placement");
      else if (auto v = readStageList(p["chat_placement"], pf + ".chat_placement"))
        placement = *v;
      ph.offered.assign(kStageCount, std::vector<bool>(nc, false));
      for (int st = 0; st < kStageCount; ++st)
        for (size_t c = 0; c < nc; ++c)
          ph.offered[static_cast<size_t>(st)][c] =
              always[c] ||
              (sc_.channels[c].kind == ChannelKind::Chat && placement[static_cast<size_t>(st)]);
      ph.proactive = sh.proactive.enabled;
      if (y_.has(p, "proactive")) {
        if (auto b = y_.boolean(p["proactive"], pf + ".proactive")) {
          ph.proactive = *b;
          if (*b && !sh.proactive.enabled)
            y_.error(p["proactive"], pf + ".proactive",
                     "proactive: true needs a shop.proactive section (stages, after_s, accept, "
                     "channel)");
        }
      }
      if (ph.proactive && sh.proactive.enabled && y_.ok())
        for (int st = 0; st < kPrePurchaseStages; ++st)
          if (sh.proactive.stages[static_cast<size_t>(st)] &&
              !ph.offered[static_cast<size_t>(st)][static_cast<size_t>(sh.proactive.channel)])
            y_.error(p, pf,
                     std::string("proactive invitations on stage '") + stageName(st) +
                         "' need the chat offered there in this phase (chat_placement)");
      for (const auto& o : sh.phases)
        if (o.name == ph.name)
          y_.error(p["name"], pf + ".name", "phase '" + ph.name + "' is given twice");
      sh.phases.push_back(std::move(ph));
    }
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

  // ---- coaching: agent behaviour ------------------------------------------------------------
  void readCoaching(const YAML::Node& n) {
    const std::string f = "coaching";
    CoachingModel& cm = sc_.coaching;
    cm.loc = {n.Mark().line + 1, n.Mark().column + 1};
    if (!y_.expectMap(n, f,
                      {"rubric", "qa_sample", "evaluator_error", "effects", "knowledge_effects",
                       "team", "agents"}))
      return;
    cm.rubricSpec = "learn";
    if (y_.has(n, "rubric"))
      if (auto s = y_.string(n["rubric"], f + ".rubric")) cm.rubricSpec = *s;
    try {
      if (isShippedRubric(cm.rubricSpec)) {
        cm.rubric = shippedRubric(cm.rubricSpec);
      } else {
        fs::path p(cm.rubricSpec);
        if (p.is_relative()) p = fs::path(sc_.file).parent_path() / p;
        cm.rubric = readRubricFile(p.string());
      }
    } catch (const InputError& e) {
      std::string names;
      for (const auto& r : shippedRubricNames()) names += (names.empty() ? "" : ", ") + r;
      const Diagnostic& d = e.diagnostics().front();
      const bool missingFile = d.line == 0 && d.message == "cannot open the file";
      y_.error(y_.has(n, "rubric") ? n["rubric"] : n, f + ".rubric",
               missingFile ? "'" + cm.rubricSpec + "' is neither a shipped rubric (" + names +
                                 ") nor a file (" + d.file + ")"
                           : "rubric '" + cm.rubricSpec + "' has errors, the first: " + d.format());
      return;
    }
    const Rubric& rb = cm.rubric;
    const std::size_t steps = rb.steps.size(), reasons = sc_.shop.reasons.size();
    y_.optionalNumber(n, "qa_sample", f + ".qa_sample", 0, 1, cm.qaSample);
    y_.optionalNumber(n, "evaluator_error", f + ".evaluator_error", 0, 0.5, cm.evaluatorError);
    if (y_.has(n, "knowledge_effects")) {
      const YAML::Node k = n["knowledge_effects"];
      const std::string kf = f + ".knowledge_effects";
      if (y_.expectMap(k, kf, {"resolve", "handle_time"})) {
        y_.optionalNumber(k, "resolve", kf + ".resolve", 0, 1, cm.unknownResolve);
        y_.optionalNumber(k, "handle_time", kf + ".handle_time", 1, 10, cm.unknownHandle);
      }
    }
    for (const auto& st : rb.steps) cm.effects.push_back(st.ifSkipped);
    auto stepOf = [&](const YAML::Node& key, const std::string& field) {
      const int i = rb.stepIndex(key.Scalar());
      if (i < 0) {
        std::string ids;
        for (const auto& st : rb.steps) ids += (ids.empty() ? "" : ", ") + st.id;
        y_.error(key, field,
                 "rubric " + rb.name + " has no step '" + key.Scalar() + "' (steps: " + ids + ")");
      }
      return i;
    };
    auto reasonOf = [&](const YAML::Node& key, const std::string& field) {
      for (std::size_t r = 0; r < reasons; ++r)
        if (sc_.shop.reasons[r].name == key.Scalar()) return static_cast<int>(r);
      y_.error(key, field, "unknown contact reason '" + key.Scalar() + "' (see shop.reasons)");
      return -1;
    };
    if (y_.has(n, "effects") && y_.expectOpenMap(n["effects"], f + ".effects")) {
      for (auto it = n["effects"].begin(); it != n["effects"].end(); ++it) {
        const std::string ef = f + ".effects." + it->first.Scalar();
        const int i = stepOf(it->first, ef);
        if (i < 0) continue;
        StepEffect& e = cm.effects[static_cast<std::size_t>(i)];
        if (!y_.expectMap(it->second, ef,
                          {"resolve", "csat", "repeat", "handle_share", "conversion"}))
          continue;
        y_.optionalNumber(it->second, "resolve", ef + ".resolve", 0, 1, e.resolve);
        y_.optionalNumber(it->second, "csat", ef + ".csat", 0, 1, e.csat);
        y_.optionalNumber(it->second, "repeat", ef + ".repeat", 0, 1, e.repeat);
        y_.optionalNumber(it->second, "handle_share", ef + ".handle_share", 0, 0.9, e.handleShare);
        y_.optionalNumber(it->second, "conversion", ef + ".conversion", 0, 1, e.conversion);
      }
    }
    double share = 0;
    for (const auto& e : cm.effects) share += e.handleShare;
    if (share > 0.9) y_.error(n, f, "the steps' handle_share values add up to more than 0.9");
    // Applies adherence / knowledge / reasons overrides of `p` (a map node) onto `prof`.
    auto apply = [&](const YAML::Node& p, const std::string& pf, AgentProfile& prof, bool team) {
      std::vector<std::string> keys = {"adherence", "knowledge", "reasons"};
      if (!team) keys.insert(keys.begin(), {"agent", "group"});
      if (!y_.expectMap(p, pf, keys)) return;
      auto adherenceMap = [&](const YAML::Node& a, const std::string& af, int reason) {
        if (!y_.expectOpenMap(a, af)) return;
        for (auto it = a.begin(); it != a.end(); ++it) {
          const int st = stepOf(it->first, af + "." + it->first.Scalar());
          if (st < 0) continue;
          if (auto v = y_.number(it->second, af + "." + it->first.Scalar(), 0, 1)) {
            for (std::size_t r = 0; r < reasons; ++r)
              if (reason < 0 || static_cast<int>(r) == reason)
                prof.adherence[r][static_cast<std::size_t>(st)] = *v;
          }
        }
      };
      auto knowledgeOf = [&](const YAML::Node& k, const std::string& kf, int reason) {
        if (k.IsScalar()) {
          if (auto v = y_.number(k, kf, 0, 1))
            for (std::size_t r = 0; r < reasons; ++r)
              if (reason < 0 || static_cast<int>(r) == reason) prof.knowledge[r] = *v;
          return;
        }
        if (reason >= 0) {
          y_.error(k, kf, "expected a number between 0 and 1");
          return;
        }
        if (!y_.expectOpenMap(k, kf)) return;
        for (auto it = k.begin(); it != k.end(); ++it) {
          const int r = reasonOf(it->first, kf + "." + it->first.Scalar());
          if (r < 0) continue;
          if (auto v = y_.number(it->second, kf + "." + it->first.Scalar(), 0, 1))
            prof.knowledge[static_cast<std::size_t>(r)] = *v;
        }
      };
      if (y_.has(p, "adherence")) adherenceMap(p["adherence"], pf + ".adherence", -1);
      if (y_.has(p, "knowledge")) knowledgeOf(p["knowledge"], pf + ".knowledge", -1);
      if (y_.has(p, "reasons") && y_.expectOpenMap(p["reasons"], pf + ".reasons")) {
        for (auto it = p["reasons"].begin(); it != p["reasons"].end(); ++it) {
          const std::string rf = pf + ".reasons." + it->first.Scalar();
          const int r = reasonOf(it->first, rf);
          if (r < 0 || !y_.expectMap(it->second, rf, {"adherence", "knowledge"})) continue;
          if (y_.has(it->second, "adherence"))
            adherenceMap(it->second["adherence"], rf + ".adherence", r);
          if (y_.has(it->second, "knowledge"))
            knowledgeOf(it->second["knowledge"], rf + ".knowledge", r);
        }
      }
    };
    AgentProfile team;
    team.name = "team";
    team.adherence.assign(reasons, std::vector<double>(steps, 0.9));
    team.knowledge.assign(reasons, 0.9);
    if (y_.has(n, "team")) apply(n["team"], f + ".team", team, true);
    cm.profiles.push_back(team);
    const std::vector<std::string> names = agentNames(sc_);
    cm.agentProfile.assign(names.size(), 0);
    if (y_.has(n, "agents")) {
      const YAML::Node as = n["agents"];
      if (!as.IsSequence()) {
        y_.error(as, f + ".agents", "expected a list of agent profiles");
      } else {
        for (std::size_t i = 0; i < as.size(); ++i) {
          const YAML::Node a = as[i];
          std::string af = f + ".agents[" + std::to_string(i) + "]";
          if (!a.IsMap()) {
            y_.error(a, af, "expected a map with 'agent:' or 'group:'");
            continue;
          }
          std::vector<std::size_t> targets;
          std::string who;
          if (y_.has(a, "agent") == y_.has(a, "group")) {
            y_.error(a, af, "give exactly one of 'agent:' (e.g. chat-3) or 'group:'");
            continue;
          }
          if (y_.has(a, "agent")) {
            auto s = y_.string(a["agent"], af + ".agent");
            if (!s) continue;
            who = *s;
            for (std::size_t k = 0; k < names.size(); ++k)
              if (names[k] == who) targets.push_back(k);
            if (targets.empty()) {
              y_.error(a["agent"], af + ".agent",
                       "no agent '" + who + "' (agents are named GROUP-N, e.g. " +
                           (names.empty() ? std::string("chat-1") : names.front()) + ")");
              continue;
            }
          } else {
            auto s = y_.string(a["group"], af + ".group");
            if (!s) continue;
            who = *s;
            std::size_t base = 0;
            for (const auto& g : sc_.groups) {
              if (g.name == who)
                for (int k = 0; k < g.size(); ++k)
                  targets.push_back(base + static_cast<std::size_t>(k));
              base += static_cast<std::size_t>(g.size());
            }
            if (targets.empty()) {
              y_.error(a["group"], af + ".group", "no agent group '" + who + "'");
              continue;
            }
          }
          af = f + ".agents." + who;
          // One new profile per profile the targets have now (bounded by entries, not agents).
          std::map<int, int> derived;
          for (std::size_t t : targets) {
            const int from = cm.agentProfile[t];
            auto it = derived.find(from);
            if (it == derived.end()) {
              AgentProfile p = cm.profiles[static_cast<std::size_t>(from)];
              p.name = who;
              apply(a, af, p, false);
              cm.profiles.push_back(std::move(p));
              it = derived.emplace(from, static_cast<int>(cm.profiles.size()) - 1).first;
            }
            cm.agentProfile[t] = it->second;
          }
        }
      }
    }
    cm.enabled = true;
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
    for (size_t c = 0; c < sc_.channels.size(); ++c) {
      bool served = false;
      for (const auto& g : sc_.groups)
        for (int gc : g.channels) served = served || gc == static_cast<int>(c);
      if (!served)
        y_.error(channelNodes_[c], "channels." + sc_.channels[c].name,
                 "no agent group serves channel '" + sc_.channels[c].name + "'");
      double expected = 0;
      for (double r : sc_.arrivals[c].ratePerInterval) expected += r * sc_.intervalSeconds();
      expected *= sc_.horizonDays / 7.0;
      if (expected > kMaxExpectedContacts)
        y_.error(channelNodes_[c]["arrivals"], "channels." + sc_.channels[c].name + ".arrivals",
                 "about " + std::to_string(static_cast<long long>(expected)) +
                     " contacts over the horizon; the limit is 2e9 per channel");
    }
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
