// Where a contact reason stands in the Value-Irritant matrix (seed 002, docs/planning.md,
// "Which questions to remove, automate or staff"): its figures measured on a run of the scenario
// (value to the shopper: effort, waiting, purchases lost unanswered, repeats; value to the shop:
// orders and order value at stake, contribution, cost to serve), the two axes, the quadrant and
// the treatment the matrix recommends.
#pragma once

#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "model/scenario.hpp"

namespace cclab {

/// The four quadrants' treatments (seed 002).
enum class Treatment { Eliminate, SelfService, Automate, Engage };
const char* treatmentName(Treatment t);  // "eliminate", "self-service", "automate", "engage"

struct ReasonValue {
  std::string name;
  int index = 0;  // into scenario.shop.reasons
  // Measured over the KPI window: a week's figures are means over replications per week.
  double questionsPerWeek = 0;
  double selfServiceShare = 0;      // questions the FAQ answered
  double contactsPerWeek = 0;       // repeats included
  double contactsPerQuestion = 0;   // effort
  double repeatShare = 0;           // repeat contacts / contacts
  double meanWaitS = 0;             // contacts that waited (wait_s of contacts.csv)
  double lostPerWeek = 0;           // pre-purchase contacts never served x unanswered_abandonment
  double lostPer1000Questions = 0;  // the same per 1000 questions
  double ordersAtStakePerWeek = 0;  // orders after a served pre-purchase contact on it
  double orderValueAtStakePerWeek = 0;    // EUR
  double contributionAtStakePerWeek = 0;  // x gross_margin (the order value without one)
  double costToServePerContact = 0;       // EUR, channel cost_per_contact of served contacts
  double costToServePerWeek = 0;          // EUR
  // The axes and the quadrant (placeInMatrix).
  double shopperValue = 0;  // 0..1: mean percentile rank of its four shopper figures
  double shopValue = 0;     // EUR per question: (contribution at stake - cost to serve) / questions
  bool shopperHigh = false, shopHigh = false;
  Treatment treatment = Treatment::Eliminate;
};

/// Every reason's figures from the replications `r` of `sc` and the run's result directory
/// `runDir` (contacts.csv and orders.csv: the run must keep its contact log). Not yet placed.
std::vector<ReasonValue> measureReasonValues(const Scenario& sc, const ExperimentResult& r,
                                             const std::string& runDir);

/// The axes and quadrants: high is above the median over the reasons (docs/planning.md).
void placeInMatrix(std::vector<ReasonValue>& reasons);

/// The median of `xs` (0 when empty).
double medianOf(std::vector<double> xs);

}  // namespace cclab
