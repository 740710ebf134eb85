// The KPI label table; see kpi_labels.hpp. One row per KPI: scope, key, English, Dutch, unit,
// better, why undefined (English, Dutch). Definitions: docs/results.md (a test keeps them in step).
#include "model/kpi_labels.hpp"

namespace cclab {

namespace {

using U = KpiUnit;
using B = Better;

// Reasons a KPI is undefined, shared by many rows.
constexpr Undefined kNone{"", ""};
constexpr Undefined kNothingQueued{"nothing queued", "niemand in de wachtrij"};
constexpr Undefined kNothingAnswered{"nothing answered", "niets beantwoord"};
constexpr Undefined kNothingServed{"nothing served", "niets afgehandeld"};
constexpr Undefined kNoVisits{"no visits", "geen bezoeken"};
constexpr Undefined kNoOrders{"no orders", "geen bestellingen"};
constexpr Undefined kNoChats{"no chats", "geen chats"};
constexpr Undefined kNoQuestions{"no questions", "geen vragen"};
constexpr Undefined kNoContacts{"no contacts", "geen contacten"};
constexpr Undefined kNoBot{"no chatbot conversations", "geen chatbotgesprekken"};
constexpr Undefined kNoRepeats{"no repeat contacts", "geen herhaalcontacten"};
constexpr Undefined kNoCustomers{"no customers", "geen klanten"};
constexpr Undefined kNoCustomersLost{"no customers lost", "geen klanten verloren"};
constexpr Undefined kNoLoyaltyWon{"no customer more loyal", "geen klant loyaler"};

const std::vector<KpiLabel> kRows = {
    // channels.NAME: per channel (docs/results.md, "KPI definitions")
    {"channels", "offered", "Contacts offered", "Aangeboden contacten", U::Count, B::Neither,
     kNone},
    {"channels", "answered", "Answered", "Beantwoord", U::Count, B::Neither, kNone},
    {"channels", "served", "Served", "Afgehandeld", U::Count, B::Neither, kNone},
    {"channels", "abandoned", "Abandoned in the queue", "Afgehaakt in de wachtrij", U::Count,
     B::Lower, kNone},
    {"channels", "blocked", "Blocked (closed)", "Geblokkeerd (gesloten)", U::Count, B::Lower,
     kNone},
    {"channels", "hidden", "Hidden when busy", "Verborgen bij drukte", U::Count, B::Lower, kNone},
    {"channels", "left_chat", "Left during the chat", "Vertrokken tijdens de chat", U::Count,
     B::Lower, kNone},
    {"channels", "waiting_at_end", "Waiting at the end", "Wachtend aan het eind", U::Count,
     B::Neither, kNone},
    {"channels", "in_service_at_end", "In service at the end", "In gesprek aan het eind", U::Count,
     B::Neither, kNone},
    {"channels", "abandonment_rate", "Abandonment rate", "Afhaakpercentage", U::Share, B::Lower,
     kNothingQueued},
    {"channels", "service_level", "Service level", "Serviceniveau", U::Share, B::Higher,
     kNothingQueued},
    {"channels", "asa_s", "Average wait to answer", "Gemiddelde wachttijd", U::Seconds, B::Lower,
     kNothingAnswered},
    {"channels", "first_response_s", "First response time", "Eerste reactietijd", U::Seconds,
     B::Lower, kNothingAnswered},
    {"channels",
     "aht_s",
     "Average handle time",
     "Gemiddelde afhandeltijd",
     U::Seconds,
     B::Neither,
     {"nothing served", "niets afgehandeld"}},
    {"channels",
     "mean_wait_abandoned_s",
     "Wait before abandoning",
     "Wachttijd voor afhaken",
     U::Seconds,
     B::Neither,
     {"nobody abandoned", "niemand afgehaakt"}},
    {"channels",
     "occupancy",
     "Occupancy",
     "Bezettingsgraad",
     U::Share,
     B::Neither,
     {"no agents on duty", "geen medewerkers in dienst"}},
    {"channels",
     "availability",
     "Availability",
     "Beschikbaarheid",
     U::Share,
     B::Higher,
     {"never open", "nooit open"}},
    {"channels",
     "mean_concurrency",
     "Chats per busy agent",
     "Chats per bezette medewerker",
     U::Number,
     B::Neither,
     {"no sessions", "geen sessies"}},
    {"channels", "concurrency_at_answer", "Open contacts at answer", "Open contacten bij aanname",
     U::Number, B::Neither, kNothingAnswered},
    {"channels", "mean_queue", "Mean queue", "Gemiddelde wachtrij", U::Number, B::Lower, kNone},
    {"channels", "agents_on_shift", "Agents on shift", "Medewerkers in dienst", U::Number,
     B::Neither, kNone},
    {"channels", "cost", "Cost of contacts", "Kosten van contacten", U::Euros, B::Lower, kNone},
    {"channels", "cost_per_contact", "Cost per answered contact", "Kosten per beantwoord contact",
     U::Euros, B::Lower, kNothingAnswered},
    // channels.NAME: the workforce KPIs (docs/results.md, "Workforce")
    {"channels", "talk_s", "Talk time per contact", "Gesprekstijd per contact", U::Seconds,
     B::Neither, kNothingServed},
    {"channels", "wrap_s", "After-call work per contact", "Nawerk per contact", U::Seconds,
     B::Lower, kNothingServed},
    {"channels", "blocked_full", "Blocked (lines or queue full)",
     "Geblokkeerd (lijnen of wachtrij vol)", U::Count, B::Lower, kNone},
    {"channels", "disconnected", "Disconnected at closing", "Verbroken bij sluiting", U::Count,
     B::Lower, kNone},
    {"channels", "callbacks_offered", "Call-backs offered", "Terugbelverzoeken aangeboden",
     U::Count, B::Neither, kNone},
    {"channels", "callbacks_accepted", "Call-backs accepted", "Terugbelverzoeken aangenomen",
     U::Count, B::Neither, kNone},
    {"channels",
     "callback_acceptance",
     "Call-back acceptance",
     "Aanname van terugbelverzoeken",
     U::Share,
     B::Neither,
     {"no call-backs offered", "geen terugbelverzoeken aangeboden"}},
    {"channels", "callbacks_completed", "Call-backs completed", "Teruggebeld en bereikt", U::Count,
     B::Higher, kNone},
    {"channels", "callbacks_abandoned", "Call-backs missed", "Teruggebeld, niet bereikt", U::Count,
     B::Lower, kNone},
    {"channels", "callbacks_pending", "Call-backs still pending", "Terugbelverzoeken nog open",
     U::Count, B::Lower, kNone},
    {"channels",
     "time_to_callback_s",
     "Time to call-back",
     "Tijd tot terugbellen",
     U::Seconds,
     B::Lower,
     {"no call-backs completed", "niemand teruggebeld"}},
    // groups.NAME: per agent group
    {"groups", "agents", "Agents", "Medewerkers", U::Count, B::Neither, kNone},
    {"groups",
     "occupancy",
     "Occupancy",
     "Bezettingsgraad",
     U::Share,
     B::Neither,
     {"never staffed", "nooit ingeroosterd"}},
    {"groups", "handled", "Contacts handled", "Afgehandelde contacten", U::Count, B::Neither,
     kNone},
    {"groups", "staffed_hours", "Staffed hours", "Ingeroosterde uren", U::Hours, B::Neither, kNone},
    {"groups", "scheduled_hours", "Scheduled hours", "Geplande uren", U::Hours, B::Neither, kNone},
    {"groups", "talk_hours", "Talk hours", "Gespreksuren", U::Hours, B::Neither, kNone},
    {"groups", "wrap_hours", "After-call work hours", "Nawerkuren", U::Hours, B::Neither, kNone},
    {"groups", "idle_hours", "Idle hours", "Beschikbare uren zonder werk", U::Hours, B::Neither,
     kNone},
    {"groups", "break_hours", "Break hours", "Pauze-uren", U::Hours, B::Neither, kNone},
    {"groups", "shrinkage_hours", "Planned shrinkage hours", "Uren geplande uitval", U::Hours,
     B::Neither, kNone},
    {"groups", "absent_hours", "Absent hours", "Uren afwezig", U::Hours, B::Lower, kNone},
    {"groups", "overtime_hours", "Overtime hours", "Overuren", U::Hours, B::Lower, kNone},
    {"groups",
     "utilisation",
     "Utilisation (of scheduled time)",
     "Benutting (van geplande tijd)",
     U::Share,
     B::Neither,
     {"never scheduled", "nooit gepland"}},
    {"groups",
     "shrinkage_share",
     "Shrinkage (breaks, planned, absence)",
     "Uitval (pauzes, gepland, afwezig)",
     U::Share,
     B::Lower,
     {"never scheduled", "nooit gepland"}},
    // shop (docs/results.md, "Shop KPIs")
    {"shop", "visits", "Visits", "Bezoeken", U::Count, B::Neither, kNone},
    {"shop", "orders", "Orders", "Bestellingen", U::Count, B::Higher, kNone},
    {"shop", "conversion_rate", "Conversion rate", "Conversieratio", U::Share, B::Higher,
     kNoVisits},
    {"shop", "revenue", "Revenue", "Omzet", U::Euros, B::Higher, kNone},
    {"shop", "revenue_per_visit", "Revenue per visit", "Omzet per bezoek", U::Euros, B::Higher,
     kNoVisits},
    {"shop", "aov", "Average order value", "Gemiddelde orderwaarde", U::Euros, B::Higher,
     kNoOrders},
    {"shop", "questions", "Questions asked", "Gestelde vragen", U::Count, B::Neither, kNone},
    {"shop", "questions_per_visit", "Questions per visit", "Vragen per bezoek", U::Number,
     B::Neither, kNoVisits},
    {"shop", "self_service_deflection", "Answered by self-service", "Beantwoord via selfservice",
     U::Share, B::Higher, kNoQuestions},
    {"shop", "contacts", "Contacts by shoppers", "Contacten van klanten", U::Count, B::Neither,
     kNone},
    {"shop", "engagement_ratio", "Visits with a chat", "Bezoeken met een chat", U::Share, B::Higher,
     kNoVisits},
    {"shop", "chats", "Chats answered", "Beantwoorde chats", U::Count, B::Neither, kNone},
    {"shop", "chat_conversion", "Chats that become an order", "Chats die tot een bestelling leiden",
     U::Share, B::Higher, kNoChats},
    {"shop", "chatter_conversion", "Conversion of visits with a chat",
     "Conversie van bezoeken met chat", U::Share, B::Higher, kNoChats},
    {"shop", "conversion_non_chat", "Conversion of visits without a chat",
     "Conversie van bezoeken zonder chat", U::Share, B::Higher, kNoVisits},
    {"shop", "chatter_conversion_ratio", "Conversion with vs without chat",
     "Conversie met t.o.v. zonder chat", U::Ratio, B::Neither, kNoChats},
    {"shop",
     "aov_chat",
     "Order value with a chat",
     "Orderwaarde met chat",
     U::Euros,
     B::Higher,
     {"no orders after a chat", "geen bestellingen na een chat"}},
    {"shop",
     "aov_non_chat",
     "Order value without a chat",
     "Orderwaarde zonder chat",
     U::Euros,
     B::Higher,
     {"no orders without a chat", "geen bestellingen zonder chat"}},
    {"shop",
     "cart_abandonment",
     "Cart abandonment",
     "Verlaten winkelwagens",
     U::Share,
     B::Lower,
     {"nobody reached the cart", "niemand in de winkelwagen"}},
    {"shop",
     "checkout_abandonment",
     "Checkout abandonment",
     "Afgebroken afrekeningen",
     U::Share,
     B::Lower,
     {"nobody reached checkout", "niemand bij het afrekenen"}},
    {"shop", "no_quick_answer", "Questions without a quick answer", "Vragen zonder snel antwoord",
     U::Count, B::Lower, kNone},
    {"shop",
     "no_quick_answer_abandonment",
     "Left for want of a quick answer",
     "Afgehaakt zonder snel antwoord",
     U::Share,
     B::Lower,
     {"every question had a quick answer", "elke vraag had snel antwoord"}},
    {"shop", "purchases_lost_unanswered", "Purchases lost to unanswered questions",
     "Aankopen verloren door onbeantwoorde vragen", U::Count, B::Lower, kNone},
    {"shop", "proactive_shown", "Chat invitations shown", "Chatuitnodigingen getoond", U::Count,
     B::Neither, kNone},
    {"shop", "proactive_accepted", "Chat invitations accepted", "Chatuitnodigingen geaccepteerd",
     U::Count, B::Neither, kNone},
    {"shop",
     "proactive_acceptance",
     "Invitations accepted",
     "Uitnodigingen geaccepteerd",
     U::Share,
     B::Higher,
     {"no invitations", "geen uitnodigingen"}},
    {"shop",
     "proactive_conversion",
     "Orders per accepted invitation",
     "Bestellingen per geaccepteerde uitnodiging",
     U::Share,
     B::Higher,
     {"no invitations accepted", "geen uitnodigingen geaccepteerd"}},
    {"shop",
     "proactive_recovery",
     "Leavers won back by an invitation",
     "Vertrekkers teruggewonnen door een uitnodiging",
     U::Share,
     B::Higher,
     {"no leaving shopper accepted", "geen vertrekkende klant accepteerde"}},
    {"shop", "fcr", "First-contact resolution", "Opgelost bij eerste contact", U::Share, B::Higher,
     kNothingAnswered},
    {"shop", "repeat_contacts", "Repeat contacts", "Herhaalcontacten", U::Count, B::Lower, kNone},
    {"shop", "repeat_rate", "Repeat contact rate", "Aandeel herhaalcontacten", U::Share, B::Lower,
     kNoContacts},
    {"shop", "effort", "Customer effort (score)", "Klantinspanning (score)", U::Number, B::Lower,
     kNoContacts},
    {"shop", "csat", "Customer satisfaction (CSAT)", "Klanttevredenheid (CSAT)", U::Share,
     B::Higher, kNothingAnswered},
    {"shop", "csat_*", "CSAT, {}", "CSAT, {}", U::Share, B::Higher, kNothingAnswered},
    {"shop", "bot_conversations", "Chatbot conversations", "Chatbotgesprekken", U::Count,
     B::Neither, kNone},
    {"shop", "bot_containment", "Answered by the chatbot alone",
     "Alleen door de chatbot beantwoord", U::Share, B::Higher, kNoBot},
    {"shop", "bot_handoff_rate", "Chatbot hand-offs to an agent",
     "Chatbot draagt over aan medewerker", U::Share, B::Neither, kNoBot},
    {"shop", "callbacks_booked", "Call-backs booked", "Terugbelafspraken", U::Count, B::Neither,
     kNone},
    {"shop",
     "callbacks_kept",
     "Call-backs that reached the customer",
     "Geslaagde terugbelacties",
     U::Share,
     B::Higher,
     {"no call-backs booked", "geen terugbelafspraken"}},
    {"shop", "cost_contacts", "Cost of contacts", "Kosten van contacten", U::Euros, B::Lower,
     kNone},
    {"shop", "cost_agents", "Cost of agents", "Personeelskosten", U::Euros, B::Lower, kNone},
    {"shop", "cost_self_service", "Cost of self-service", "Kosten selfservice", U::Euros, B::Lower,
     kNone},
    {"shop", "cost_chatbot", "Cost of the chatbot", "Kosten chatbot", U::Euros, B::Lower, kNone},
    {"shop", "cost_total", "Total cost", "Totale kosten", U::Euros, B::Lower, kNone},
    {"shop", "cost_per_contact", "Cost per answered contact", "Kosten per beantwoord contact",
     U::Euros, B::Lower, kNothingAnswered},
    {"shop", "cost_per_order", "Cost per order", "Kosten per bestelling", U::Euros, B::Lower,
     kNoOrders},
    {"shop", "contribution", "Contribution of the orders (revenue x gross margin)",
     "Brutomarge van de bestellingen", U::Euros, B::Higher, kNone},
    {"shop", "net_contribution", "Net contribution (after contact-center costs)",
     "Nettobijdrage (na kosten klantenservice)", U::NetEuros, B::Higher, kNone},
    {"shop", "net_contribution_per_week", "Net contribution per week", "Nettobijdrage per week",
     U::NetEuros, B::Higher, kNone},
    {"shop", "chatting_visits", "Visits that chatted", "Bezoeken met chat", U::Count, B::Neither,
     kNone},
    // shop: coaching (docs/coaching.md)
    {"shop", "repeats_after_resolved_share", "Repeats after a resolved contact",
     "Herhalingen na een opgelost contact", U::Share, B::Lower, kNoRepeats},
    {"shop", "unknown_answer_rate", "Answers the agent did not know", "Antwoord niet geweten",
     U::Share, B::Lower, kNothingAnswered},
    {"shop", "qa_evaluations", "QA evaluations", "QA-beoordelingen", U::Count, B::Neither, kNone},
    {"shop", "skipped_rate_*", "Step skipped: {}", "Stap overgeslagen: {}", U::Share, B::Lower,
     kNothingAnswered},
    {"shop", "repeat_share_*", "Repeats caused by step {}", "Herhalingen door stap {}", U::Share,
     B::Lower, kNoRepeats},
    // shop: loyalty (docs/journeys.md, "Loyalty")
    {"shop", "customers", "Customers (population)", "Klanten (populatie)", U::Count, B::Neither,
     kNone},
    {"shop", "customers_active", "Customers kept", "Behouden klanten", U::Count, B::Higher, kNone},
    {"shop", "customers_churned", "Customers lost", "Verloren klanten", U::Count, B::Lower, kNone},
    {"shop", "churn_rate", "Customers lost (share)", "Aandeel verloren klanten", U::Share, B::Lower,
     kNoCustomers},
    {"shop", "first_week_customers", "Customers of the first week", "Klanten van de eerste week",
     U::Count, B::Neither, kNone},
    {"shop", "retained_*", "Retained after {}", "Behouden na {}", U::Share, B::Higher,
     kNoCustomers},
    {"shop", "returning_customer_visits", "Visits by returning customers",
     "Bezoeken van terugkerende klanten", U::Count, B::Higher, kNone},
    {"shop", "revenue_returning", "Revenue from returning customers",
     "Omzet van terugkerende klanten", U::Euros, B::Higher, kNone},
    {"shop", "revenue_returning_share", "Revenue share of returning customers",
     "Omzetaandeel terugkerende klanten", U::Share, B::Higher, kNoOrders},
    {"shop", "visits_*", "Visits with experience {}", "Bezoeken met ervaring {}", U::Count,
     B::Neither, kNone},
    {"shop", "churn_after_*", "Customers lost after {}", "Klanten verloren na {}", U::Share,
     B::Lower, kNoVisits},
    {"shop", "churn_share_*", "Share of lost customers after {}", "Aandeel verloren klanten na {}",
     U::Share, B::Neither, kNoCustomersLost},
    {"shop", "service_less_loyal", "Customer less loyal after a question",
     "Klant minder loyaal na een vraag", U::Share, B::Lower, kNoQuestions},
    {"shop", "service_more_loyal", "Customer more loyal after a question",
     "Klant loyaler na een vraag", U::Share, B::Higher, kNoQuestions},
    {"shop", "service_disloyalty_ratio", "Less loyal per more loyal customer after a question",
     "Minder loyale per loyalere klant na een vraag", U::Number, B::Lower, kNoLoyaltyWon},
    {"shop", "contribution_returning", "Contribution from returning customers",
     "Bijdrage van terugkerende klanten", U::Euros, B::Higher, kNone},
    {"shop", "conversion_after_*", "Conversion after {}", "Conversie na {}", U::Share, B::Higher,
     kNoVisits},
    {"shop", "aov_after_*", "Average order value after {}", "Gemiddelde orderwaarde na {}",
     U::Euros, B::Higher, kNoOrders},
    {"shop", "spend_more_after_*", "Orders spending more after {}",
     "Orders met meer besteding na {}", U::Share, B::Neither, kNoOrders},
    // shop_stages.STAGE
    {"shop_stages", "entered", "Shoppers entering", "Klanten in deze fase", U::Count, B::Neither,
     kNone},
    {"shop_stages",
     "exit_rate",
     "Left at this stage",
     "Vertrokken in deze fase",
     U::Share,
     B::Lower,
     {"nobody entered", "niemand kwam binnen"}},
    {"shop_stages", "questions", "Questions", "Vragen", U::Count, B::Neither, kNone},
    {"shop_stages", "purchases_lost_unanswered", "Lost to unanswered questions",
     "Verloren door onbeantwoorde vragen", U::Count, B::Lower, kNone},
    // shop_reasons.REASON
    {"shop_reasons", "questions", "Questions", "Vragen", U::Count, B::Neither, kNone},
    {"shop_reasons", "self_service_deflection", "Answered by self-service",
     "Beantwoord via selfservice", U::Share, B::Higher, kNoQuestions},
    {"shop_reasons", "contacts", "Contacts", "Contacten", U::Count, B::Neither, kNone},
    {"shop_reasons", "resolved", "Resolved", "Opgelost", U::Count, B::Higher, kNone},
    {"shop_reasons", "repeat_contacts", "Repeat contacts", "Herhaalcontacten", U::Count, B::Lower,
     kNone},
    {"shop_reasons", "repeat_rate", "Repeat contact rate", "Aandeel herhaalcontacten", U::Share,
     B::Lower, kNoContacts},
    // shop_segments.SEGMENT
    {"shop_segments", "visits", "Visits", "Bezoeken", U::Count, B::Neither, kNone},
    {"shop_segments", "orders", "Orders", "Bestellingen", U::Count, B::Higher, kNone},
    {"shop_segments", "conversion_rate", "Conversion rate", "Conversieratio", U::Share, B::Higher,
     kNoVisits},
    {"shop_segments", "revenue_per_visit", "Revenue per visit", "Omzet per bezoek", U::Euros,
     B::Higher, kNoVisits},
    // shop_channels.CHANNEL
    {"shop_channels", "shopper_contacts", "Contacts by shoppers", "Contacten van klanten", U::Count,
     B::Neither, kNone},
    {"shop_channels", "answered", "Answered", "Beantwoord", U::Count, B::Neither, kNone},
    {"shop_channels", "fcr", "First-contact resolution", "Opgelost bij eerste contact", U::Share,
     B::Higher, kNothingAnswered},
    {"shop_channels", "csat", "Customer satisfaction (CSAT)", "Klanttevredenheid (CSAT)", U::Share,
     B::Higher, kNothingAnswered},
};

bool isPattern(const char* key) {
  const std::string k = key;
  return !k.empty() && k.back() == '*';
}

}  // namespace

bool langFromName(const std::string& name, Lang& lang) {
  if (name == "en")
    lang = Lang::En;
  else if (name == "nl")
    lang = Lang::Nl;
  else
    return false;
  return true;
}

const char* toString(KpiUnit u) {
  switch (u) {
    case KpiUnit::Count:
      return "count";
    case KpiUnit::Number:
      return "number";
    case KpiUnit::Share:
      return "share (%)";
    case KpiUnit::Seconds:
      return "time (s, min, h)";
    case KpiUnit::Hours:
      return "hours";
    case KpiUnit::Euros:
      return "euros";
    case KpiUnit::NetEuros:
      return "euros (net: may be below 0)";
    case KpiUnit::Ratio:
      return "ratio (x)";
  }
  return "?";
}

const char* toString(Better b) {
  switch (b) {
    case Better::Higher:
      return "higher";
    case Better::Lower:
      return "lower";
    case Better::Neither:
      return "-";
  }
  return "?";
}

const std::vector<KpiLabel>& kpiLabels() {
  return kRows;
}

const KpiLabel* findKpiLabel(const std::string& scope, const std::string& key) {
  for (const auto& r : kRows)
    if (scope == r.scope && !isPattern(r.key) && key == r.key) return &r;
  for (const auto& r : kRows) {
    if (scope != r.scope || !isPattern(r.key)) continue;
    const std::string prefix(r.key, std::char_traits<char>::length(r.key) - 1);
    if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0) return &r;
  }
  return nullptr;
}

KpiPath parseKpiPath(const std::string& path) {
  KpiPath p;
  const auto dot = path.find('.');
  if (dot == std::string::npos) return p;
  const std::string head = path.substr(0, dot);
  std::string rest = path.substr(dot + 1);
  if (head == "shop") {
    p.key = rest;
    p.label = findKpiLabel("shop", rest);
    return p;
  }
  if (head == "channels") {  // channels.NAME.key; else NAME.key (the gates' short form)
    const auto d2 = rest.find('.');
    if (d2 == std::string::npos) return p;
    p.channel = rest.substr(0, d2);
    rest = rest.substr(d2 + 1);
  } else {
    p.channel = head;
  }
  p.key = rest;
  p.label = findKpiLabel("channels", rest);
  return p;
}

std::string kpiName(const KpiLabel* label, const std::string& key, Lang lang) {
  if (!label) return key;
  std::string name = lang == Lang::Nl ? label->nl : label->en;
  const auto at = name.find("{}");
  if (at != std::string::npos) {
    const std::size_t prefix = std::char_traits<char>::length(label->key) - 1;
    name.replace(at, 2, key.size() > prefix ? key.substr(prefix) : key);
  }
  return name;
}

std::string notAvailable(const KpiLabel* label, Lang lang) {
  const std::string na = lang == Lang::Nl ? "n.v.t." : "n/a";
  if (!label) return na;
  const std::string why = lang == Lang::Nl ? label->undefined.nl : label->undefined.en;
  return why.empty() ? na : na + ": " + why;
}

}  // namespace cclab
