// What the readers of a scenario file's sections share (scenario_reader.cpp runs them in turn):
// the YAML being read with the problems found so far, the Scenario being built, and the readers
// of values that several sections use: distributions, opening hours, weekly tables and arrival
// profiles. Internal to the scenario reader.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "io/yaml_reader.hpp"
#include "model/scenario.hpp"

namespace cclab {

class ScenarioSectionReader {
 public:
  /// Limits that keep a scenario within what a run can hold.
  static constexpr long long kMaxAgents = 100000;
  static constexpr double kMaxHorizonDays = 3660;
  static constexpr double kMaxExpectedContacts = 2e9;

  ScenarioSectionReader(YamlReader& y, Scenario& sc) : y_(y), sc_(sc) {}

 protected:
  YamlReader& y_;
  Scenario& sc_;

  /// A distribution; `unit` is the key suffix: "_s" for durations (mean_s), "" for money (mean).
  std::optional<Distribution> readDistribution(const YAML::Node& n, const std::string& f,
                                               bool allowNone, const std::string& unit = "_s");
  /// Opening hours: "always" / "24x7", or a map of day selectors to time ranges.
  std::optional<WeeklySchedule> readHours(const YAML::Node& n, const std::string& f);
  /// Per-interval values for each weekday; a day's list has intervalsPerDay entries, or 24 hourly
  /// ones that are spread evenly over the intervals of each hour. Unnamed days get zeros.
  std::optional<std::vector<double>> readWeeklyTable(const YAML::Node& n, const std::string& f,
                                                     bool integers, double max);
  /// per_hour (a constant rate) or per_interval (a weekly table) into `a`, already sized; with
  /// `dated` (channel arrivals), also per_date (days of the calendar, needing start_date).
  void readArrivals(const YAML::Node& n, const std::string& f, ArrivalProfile& a,
                    bool dated = false);
  /// A time of day "HH:MM" in seconds from midnight (24:00 allowed).
  std::optional<double> readClock(const YAML::Node& n, const std::string& f);
  /// A range of the day "HH:MM-HH:MM" (start before end, within one day) in seconds.
  std::optional<std::pair<double, double>> readClockRange(const YAML::Node& n,
                                                          const std::string& f);

 private:
  using DayFn = std::function<bool(int day, const YAML::Node& value, const std::string& field)>;

  std::optional<double> readParameter(const YAML::Node& n, const std::string& f,
                                      const std::string& key, bool positive);
  std::optional<Distribution> readParametric(const YAML::Node& n, const std::string& f,
                                             const std::string& kind, const std::string& unit);
  std::optional<Distribution> readWeibull(const YAML::Node& n, const std::string& f,
                                          const std::string& unit);
  std::optional<Distribution> readEmpirical(const YAML::Node& n, const std::string& f,
                                            const std::string& unit);
  bool forDays(const YAML::Node& n, const std::string& f, const DayFn& fn);
  bool addHours(WeeklySchedule& w, int d, const YAML::Node& v, const std::string& f);
  void readDatedDays(const YAML::Node& n, const std::string& f, ArrivalProfile& a);
  bool readDayOfTable(std::vector<double>& out, int d, const YAML::Node& v, const std::string& f,
                      bool integers, double max);
};

}  // namespace cclab
