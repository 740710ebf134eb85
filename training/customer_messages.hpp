// What a shopper writes or says first, per contact reason and language: the text a trainee sees
// with each contact. Shipped as data (training/messages.yaml, built into the program), read with
// the strict YAML reader.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/kpi_labels.hpp"

namespace cclab {

class CustomerMessages {
 public:
  /// The shipped messages (training/messages.yaml).
  static const CustomerMessages& shipped();
  /// Reads a messages file's text; throws InputError naming file, line and field.
  static CustomerMessages read(const std::string& file, const std::string& text);

  /// The message of contact `contact` on `reason` in `lang`: one of the reason's texts, chosen by
  /// the contact's id (the same every time); a general text naming the reason when it has none.
  std::string text(const std::string& reason, Lang lang, std::uint64_t contact) const;
  bool has(const std::string& reason, Lang lang) const;

 private:
  std::map<std::string, std::vector<std::string>> en_, nl_;
};

}  // namespace cclab
