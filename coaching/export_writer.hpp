// A run's contact log written as a help-desk export (docs/coaching.md, "Validation on imports"):
// what a Zendesk-style ticket export of the same contacts would hold, so that `cclab coach
// --import` can be validated on contacts whose agents' behaviour is known. Writes, for
// replication 1 of the run in `runDir`:
//   DIR/export.csv   one ticket per contact (Ticket ID, Requester, Created at, Via, Tags,
//                    Assignee, First reply (min), Handle time (min), Status, Satisfaction,
//                    Order total, Customer segment, Concurrent chats)
//   DIR/qa.csv       the QA evaluator's answers (contact, agent, question, answer)
//   DIR/mapping.yaml the mapping of those columns
// Times start on Monday 2026-03-02 00:00 UTC. Deterministic: the same run gives the same bytes.
#pragma once

#include <string>

#include "model/scenario.hpp"

namespace cclab {

/// The mapping file written with every export (mapping.yaml).
const char* helpDeskExportMapping();

/// Writes the export of `runDir` (run with `sc`) into `outDir` (created); throws InputError if
/// the run's files cannot be read.
void writeHelpDeskExport(const std::string& runDir, const Scenario& sc, const std::string& outDir);

}  // namespace cclab
