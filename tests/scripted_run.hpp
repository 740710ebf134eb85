// Hand-checked timelines for the contact-center tests: a scripted demand source that offers
// contacts at fixed times, a sink that keeps every contact, and a run on the plain engine.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/simulation.hpp"
#include "io/scenario_reader.hpp"
#include "model/contact_center.hpp"

namespace cclab::test {

struct Collect : ContactSink {
  std::vector<ContactRecord> rows;
  void record(const ContactRecord& r) override { rows.push_back(r); }
  const ContactRecord& byId(std::uint64_t id) const {
    for (const auto& r : rows)
      if (r.id == id) return r;
    throw std::out_of_range("no such contact");
  }
};

/// Offers contacts at fixed times: a deterministic demand source for hand-checked timelines.
class Script : public Component {
 public:
  Script(Simulation& sim, ContactCenter& cc, std::vector<std::pair<double, int>> offers)
      : sim_(sim), cc_(cc), offers_(std::move(offers)) {
    self_ = sim_.add(this);
    cc_.registerSource();
    for (std::size_t i = 0; i < offers_.size(); ++i) sim_.schedule(offers_[i].first, self_, 0, i);
  }
  void handle(const Event& e) override {
    cc_.offer(offers_[e.a].second);
    if (++done_ == offers_.size()) cc_.arrivalsDone();
  }

 private:
  Simulation& sim_;
  ContactCenter& cc_;
  std::vector<std::pair<double, int>> offers_;
  std::uint32_t self_ = 0;
  std::size_t done_ = 0;
};

struct ScriptedRun {
  Scenario sc;
  Collect log;
  ReplicationStats stats;
};

inline ScriptedRun runScripted(const std::string& yaml,
                               std::vector<std::pair<double, int>> offers) {
  ScriptedRun r;
  r.sc = readScenarioText("t.yaml", yaml);
  Simulation sim;
  ContactCenter cc(r.sc, sim, 1, 0, &r.log);
  Script script(sim, cc, std::move(offers));
  cc.start();
  runPlain(sim);
  r.stats = cc.finish();
  return r;
}

}  // namespace cclab::test
