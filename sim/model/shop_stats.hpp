// What the journey layer counts in one replication (visits that start in the KPI window), as one
// flat vector of named scalars and per-channel / stage / reason / segment / interval blocks.
// KPI definitions built on these: shopKpis() in model/kpi.hpp and docs/results.md ("Shop").
#pragma once

#include <vector>

namespace cclab {

class ShopStats {
 public:
  enum Scalar {
    kVisits,
    kReturningVisits,
    kQuestions,
    kSelfServed,
    kNoQuickAnswer,      // questions that got no quick answer (no channel, wait too long, async)
    kLeftNoQuickAnswer,  // ... after which the shopper left the purchase
    kLostUnanswered,     // ... and had been about to go on (purchases lost to unanswered questions)
    kEngagedChat,        // visits that started a chat (pre-purchase)
    kChatVisitOrders,    // orders of those visits
    kChatRevenue,
    kOrders,
    kRevenue,
    kReachedCart,
    kReachedCheckout,
    kProactiveShown,
    kProactiveAccepted,
    kProactiveAcceptedWouldExit,  // accepted by shoppers who were about to leave
    kProactiveRecovered,          // ... of whom ordered
    kProactiveOrders,             // accepted, then ordered
    kContacts,                    // contacts made by shoppers (all channels)
    kAnsweredContacts,
    kResolvedContacts,
    kRepeatContacts,
    kSatisfied,
    kEffortSum,
    kEffortJourneys,  // journeys with at least one contact
    kSelfServiceCost,
    kPostPurchaseQuestions,
    kBotConversations,
    kBotContained,
    kBotHandoffs,
    kCallbacksBooked,
    kCallbacksKept,
    kRepeatsUnresolved,     // repeat contacts scheduled because a contact left the question open
    kRepeatsAfterResolved,  // ... although it was resolved (a skipped step: coaching model)
    kQaEvaluations,         // contacts a QA evaluator scored (coaching model)
    kUnknownAnswers,        // answered contacts whose agent did not know the answer
    kScalarCount
  };
  enum Block {
    kChannelContacts,
    kChannelAnswered,
    kChannelSatisfied,
    kChannelResolved,
    kStageEntered,
    kStageExited,
    kStageQuestions,
    kStageLost,
    kReasonQuestions,
    kReasonSelfServed,
    kReasonContacts,
    kReasonResolved,
    kReasonRepeats,
    kSegmentVisits,
    kSegmentOrders,
    kSegmentRevenue,
    kIntervalVisits,
    kIntervalOrders,
    kIntervalRevenue,
    kIntervalQuestions,
    kIntervalChats,
    kStepSkipped,  // per rubric step: answered contacts where the agent skipped it
    kStepRepeats,  // per rubric step: repeats after resolved contacts, shared among skipped steps
    kLoyalty,      // loyalty model counters (CustomerPopulation::Counter); empty when it is off
    kBlockCount
  };

  ShopStats() = default;
  ShopStats(int channels, int stages, int reasons, int segments, int intervals, int steps = 0,
            int loyalty = 0);
  bool empty() const { return data_.empty(); }
  double& operator[](Scalar s) { return data_[static_cast<std::size_t>(s)]; }
  double operator[](Scalar s) const { return data_[static_cast<std::size_t>(s)]; }
  double& at(Block b, int i) { return data_[offset_[b] + static_cast<std::size_t>(i)]; }
  double at(Block b, int i) const { return data_[offset_[b] + static_cast<std::size_t>(i)]; }
  int size(Block b) const { return static_cast<int>(size_[b]); }
  const std::vector<double>& data() const { return data_; }
  /// Takes a flat vector produced by data() for the same dimensions.
  void assign(const std::vector<double>& d);

 private:
  std::vector<double> data_;
  std::size_t offset_[kBlockCount] = {};
  std::size_t size_[kBlockCount] = {};
};

}  // namespace cclab
