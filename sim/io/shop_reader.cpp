// Reads a scenario's shop section; see shop_reader.hpp.
#include "io/shop_reader.hpp"

#include <cmath>
#include <sstream>

#include "io/loyalty_reader.hpp"

namespace cclab {

namespace {

std::string join(const std::string& a, const std::string& b) {
  return a.empty() ? b : a + "." + b;
}

}  // namespace

void ShopReader::read(const YAML::Node& n) {
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
                     "gross_margin",
                     "repeat",
                     "proactive",
                     "phases",
                     "chatbot",
                     "loyalty"}))
    return;
  readVisits(n, f);
  if (!readReasons(n, f)) return;  // stages refer to the reasons
  readSegments(n, f);
  if (y_.has(n, "returning_forward_factor"))
    if (auto v = y_.number(n["returning_forward_factor"], f + ".returning_forward_factor", 0, 100))
      sc_.shop.returningForwardFactor = *v;
  readEntry(n, f);
  readStages(n, f);
  const std::vector<bool> always = readOffers(n, f);
  readOutcomes(n, f);
  readRepeat(n, f);
  if (y_.has(n, "proactive")) readProactive(n["proactive"], f + ".proactive", y_.has(n, "phases"));
  if (y_.has(n, "phases")) readPhases(n["phases"], f + ".phases", always);
  if (y_.has(n, "chatbot")) readChatbot(n["chatbot"], f + ".chatbot");
  if (y_.has(n, "loyalty")) LoyaltyReader(y_, sc_).read(n["loyalty"], f + ".loyalty");
}

// ---- value readers ----------------------------------------------------------------------------

std::optional<double> ShopReader::prob(const YAML::Node& n, const std::string& f) {
  return y_.number(n, f, 0, 1);
}

/// A map of names to probabilities that must sum to 1 (within 1e-6) if `mustSumToOne`; `index`
/// maps a name to its slot (-1: unknown, reported with `what`).
std::optional<std::vector<double>> ShopReader::readMix(const YAML::Node& n, const std::string& f,
                                                       size_t size, const IndexFn& index,
                                                       const char* what, bool mustSumToOne) {
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

/// Per-channel non-negative weights, by channel name; channels not named get `fill`.
std::optional<std::vector<double>> ShopReader::readChannelWeights(const YAML::Node& n,
                                                                  const std::string& f, double fill,
                                                                  double max) {
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

/// A placement word (none, cart_only, ...) or a list of stages.
std::optional<std::vector<bool>> ShopReader::readStageList(const YAML::Node& n,
                                                           const std::string& f) {
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

std::vector<std::vector<bool>> ShopReader::offers(const std::vector<bool>& always,
                                                  const std::vector<bool>& placement) const {
  const size_t nc = sc_.channels.size();
  std::vector<std::vector<bool>> out(kStageCount, std::vector<bool>(nc, false));
  for (int s = 0; s < kStageCount; ++s)
    for (size_t c = 0; c < nc; ++c)
      out[static_cast<size_t>(s)][c] = always[c] || (sc_.channels[c].kind == ChannelKind::Chat &&
                                                     placement[static_cast<size_t>(s)]);
  return out;
}

int ShopReader::reasonIndex(const std::string& name) const {
  const auto& reasons = sc_.shop.reasons;
  for (size_t i = 0; i < reasons.size(); ++i)
    if (reasons[i].name == name) return static_cast<int>(i);
  return -1;
}

// ---- visits, reasons, segments ----------------------------------------------------------------

void ShopReader::readVisits(const YAML::Node& n, const std::string& f) {
  Shop& sh = sc_.shop;
  sh.visitRatePerInterval.assign(static_cast<size_t>(sc_.intervalsPerWeek()), 0.0);
  if (!y_.has(n, "visits")) {
    y_.missing(n, f, "visits");
  } else {
    ArrivalProfile a;
    a.ratePerInterval.assign(static_cast<size_t>(sc_.intervalsPerWeek()), 0.0);
    readArrivals(n["visits"], f + ".visits", a);
    sh.visitRatePerInterval = a.ratePerInterval;
  }
}

/// The contact reasons; false if there are none to go on with.
bool ShopReader::readReasons(const YAML::Node& n, const std::string& f) {
  if (!y_.has(n, "reasons")) {
    y_.missing(n, f, "reasons");
    return false;
  }
  const YAML::Node rs = n["reasons"];
  if (!y_.expectOpenMap(rs, f + ".reasons") || rs.size() == 0) {
    if (rs.IsMap()) y_.error(rs, f + ".reasons", "at least one contact reason is needed");
    return false;
  }
  for (auto it = rs.begin(); it != rs.end(); ++it) {
    const std::string name = it->first.Scalar();
    readReason(name, it->second, f + ".reasons." + name);
  }
  return true;
}

void ShopReader::readReason(const std::string& name, const YAML::Node& r, const std::string& rf) {
  Shop& sh = sc_.shop;
  if (!y_.expectMap(r, rf, {"id", "group", "self_service", "channel_factors", "bot_containment"}))
    return;
  ContactReason cr;
  cr.name = name;
  cr.channelFactor.assign(sc_.channels.size(), 1.0);
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

void ShopReader::readSegments(const YAML::Node& n, const std::string& f) {
  if (!y_.has(n, "segments")) {
    Segment s;
    s.name = "all";
    s.channelWeight.assign(sc_.channels.size(), 1.0);
    sc_.shop.segments.push_back(s);
    return;
  }
  if (!y_.expectOpenMap(n["segments"], f + ".segments")) return;
  double total = 0;
  for (auto it = n["segments"].begin(); it != n["segments"].end(); ++it) {
    const std::string name = it->first.Scalar();
    total += readSegment(name, it->second, f + ".segments." + name);
  }
  if (y_.ok() && std::abs(total - 1.0) > 1e-6) {
    std::ostringstream o;
    o << "segment shares must sum to 1 (they sum to " << total << ")";
    y_.error(n["segments"], f + ".segments", o.str());
  }
}

/// One segment; returns its share (0 if it has none).
double ShopReader::readSegment(const std::string& name, const YAML::Node& g,
                               const std::string& sf) {
  if (!y_.expectMap(
          g, sf, {"share", "returning", "question_factor", "channel_weights", "no_contact_weight"}))
    return 0;
  Segment s;
  s.name = name;
  s.channelWeight.assign(sc_.channels.size(), 1.0);
  if (!y_.has(g, "share"))
    y_.missing(g, sf, "share");
  else if (auto v = prob(g["share"], sf + ".share"))
    s.share = *v;
  const double share = s.share;
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
  sc_.shop.segments.push_back(std::move(s));
  return share;
}

// ---- the journey's stages ---------------------------------------------------------------------

void ShopReader::readEntry(const YAML::Node& n, const std::string& f) {
  Shop& sh = sc_.shop;
  sh.entry.assign(kPrePurchaseStages, 0.0);
  sh.entry[kResearch] = 1.0;
  if (!y_.has(n, "entry")) return;
  auto pre = [](const std::string& k) {
    const int s = stageIndex(k);
    return s >= 0 && s < kPrePurchaseStages ? s : -1;
  };
  if (auto v =
          readMix(n["entry"], f + ".entry", kPrePurchaseStages, pre, "pre-purchase stage", true))
    sh.entry = *v;
}

void ShopReader::readStages(const YAML::Node& n, const std::string& f) {
  if (!y_.has(n, "stages")) {
    y_.missing(n, f, "stages");
    return;
  }
  if (!y_.expectOpenMap(n["stages"], f + ".stages")) return;
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
    readStage(s, it->second, sf);
  }
  for (int s = 0; s < kPrePurchaseStages; ++s)
    if (!seen[static_cast<size_t>(s)] && y_.ok())
      y_.error(n["stages"], f + ".stages", std::string("stage '") + stageName(s) + "' is missing");
}

void ShopReader::readStage(int s, const YAML::Node& g, const std::string& sf) {
  Shop& sh = sc_.shop;
  const bool post = s >= kPrePurchaseStages;
  if (post ? !y_.expectMap(g, sf, {"delay", "question", "reasons"})
           : !y_.expectMap(g, sf, {"dwell", "forward", "question", "reasons"}))
    return;
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
    auto index = [this](const std::string& k) { return reasonIndex(k); };
    if (auto v = readMix(g["reasons"], sf + ".reasons", sh.reasons.size(), index, "contact reason",
                         true))
      st.reasonMix = *v;
  }
}

// ---- where the channels are offered -----------------------------------------------------------

/// chat_placement and always_offered into shop.offered; returns the channels always offered.
std::vector<bool> ShopReader::readOffers(const YAML::Node& n, const std::string& f) {
  std::vector<bool> placement(kStageCount, false);
  if (y_.has(n, "chat_placement")) {
    if (auto v = readStageList(n["chat_placement"], f + ".chat_placement")) placement = *v;
  }
  std::vector<bool> always = readAlwaysOffered(n, f);
  sc_.shop.offered = offers(always, placement);
  return always;
}

std::vector<bool> ShopReader::readAlwaysOffered(const YAML::Node& n, const std::string& f) {
  const size_t nc = sc_.channels.size();
  std::vector<bool> always(nc, false);
  if (!y_.has(n, "always_offered")) {
    for (size_t c = 0; c < nc; ++c) always[c] = sc_.channels[c].kind != ChannelKind::Chat;
    return always;
  }
  const YAML::Node a = n["always_offered"];
  if (!a.IsSequence()) {
    y_.error(a, f + ".always_offered", "expected a list of channels");
    return always;
  }
  for (const auto& e : a) {
    auto s = y_.string(e, f + ".always_offered");
    if (!s) continue;
    const int c = sc_.channelIndex(*s);
    if (c < 0)
      y_.error(e, f + ".always_offered", "unknown channel '" + *s + "'");
    else
      always[static_cast<size_t>(c)] = true;
  }
  return always;
}

// ---- outcomes ---------------------------------------------------------------------------------

/// Abandonment, recovery, self-service, resolution, CSAT and order values.
void ShopReader::readOutcomes(const YAML::Node& n, const std::string& f) {
  Shop& sh = sc_.shop;
  const size_t nc = sc_.channels.size();
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
  readProb("gross_margin", sh.grossMargin);
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
}

void ShopReader::readRepeat(const YAML::Node& n, const std::string& f) {
  Shop& sh = sc_.shop;
  sh.repeatDelay.kind = Distribution::Kind::Uniform;
  sh.repeatDelay.lo = 3600;
  sh.repeatDelay.hi = 7 * 86400.0;
  if (!y_.has(n, "repeat")) return;
  const YAML::Node r = n["repeat"];
  const std::string rf = f + ".repeat";
  if (!y_.expectMap(r, rf, {"probability", "delay", "switch_channel", "window_days"})) return;
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

// ---- proactive invitations, phases, the chatbot -----------------------------------------------

void ShopReader::readProactive(const YAML::Node& p, const std::string& pf, bool hasPhases) {
  if (!y_.expectMap(p, pf, {"stages", "after_s", "accept", "channel"})) return;
  Proactive& pr = sc_.shop.proactive;
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
  readProactiveChannel(p, pf, hasPhases);
}

/// The chat channel invitations open; without phases, it must be offered on their stages.
void ShopReader::readProactiveChannel(const YAML::Node& p, const std::string& pf, bool hasPhases) {
  const Shop& sh = sc_.shop;
  Proactive& pr = sc_.shop.proactive;
  if (!y_.has(p, "channel")) {
    y_.missing(p, pf, "channel");
    return;
  }
  auto s = y_.string(p["channel"], pf + ".channel");
  if (!s) return;
  pr.channel = sc_.channelIndex(*s);
  if (pr.channel < 0) {
    y_.error(p["channel"], pf + ".channel", "unknown channel '" + *s + "'");
  } else if (sc_.channels[static_cast<size_t>(pr.channel)].kind != ChannelKind::Chat) {
    y_.error(p["channel"], pf + ".channel", "proactive invitations need a chat channel");
  } else if (y_.ok() && !hasPhases) {  // with phases, each phase checks
    for (int s2 = 0; s2 < kPrePurchaseStages; ++s2)
      if (pr.stages[static_cast<size_t>(s2)] &&
          !sh.offered[static_cast<size_t>(s2)][static_cast<size_t>(pr.channel)])
        y_.error(p["channel"], pf + ".channel",
                 "channel '" + *s + "' is not offered on stage '" + stageName(s2) +
                     "' (see chat_placement)");
  }
}

void ShopReader::readPhases(const YAML::Node& n, const std::string& f,
                            const std::vector<bool>& always) {
  if (!n.IsSequence() || n.size() == 0) {
    y_.error(
        n, f,
        "expected a list of phases ('- {name: week1, from_day: 0, chat_placement: cart_only}')");
    return;
  }
  for (size_t i = 0; i < n.size(); ++i) readPhase(n[i], f + "[" + std::to_string(i) + "]", always);
}

void ShopReader::readPhase(const YAML::Node& p, const std::string& pf,
                           const std::vector<bool>& always) {
  Shop& sh = sc_.shop;
  if (!y_.expectMap(p, pf, {"name", "from_day", "chat_placement", "proactive"})) return;
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
  ph.offered = offers(always, placement);
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

void ShopReader::readChatbot(const YAML::Node& b, const std::string& f) {
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

}  // namespace cclab
