// Customer messages for the trainee seat; see training/customer_messages.hpp.
#include "training/customer_messages.hpp"

#include "io/shipped_files.hpp"
#include "io/yaml_reader.hpp"

namespace cclab {

const CustomerMessages& CustomerMessages::shipped() {
  static const CustomerMessages m = read("training/messages.yaml", shippedMessagesText());
  return m;
}

CustomerMessages CustomerMessages::read(const std::string& file, const std::string& text) {
  YamlReader y(file, text);
  CustomerMessages m;
  if (y.ok() && y.expectOpenMap(y.root(), ""))
    for (auto it = y.root().begin(); it != y.root().end(); ++it) {
      const std::string reason = it->first.Scalar();
      if (!y.expectMap(it->second, reason, {"en", "nl"})) continue;
      for (const char* lang : {"en", "nl"}) {
        const std::string f = reason + "." + lang;
        if (!y.has(it->second, lang)) {
          y.missing(it->second, reason, lang);
          continue;
        }
        const YAML::Node list = it->second[lang];
        if (!list.IsSequence() || list.size() == 0) {
          y.error(list, f, "expected a list of one or more texts");
          continue;
        }
        auto& into = std::string(lang) == "en" ? m.en_[reason] : m.nl_[reason];
        for (std::size_t i = 0; i < list.size(); ++i)
          if (auto s = y.string(list[i], f + "[" + std::to_string(i) + "]")) into.push_back(*s);
      }
    }
  if (!y.ok()) throw InputError(std::move(y.diagnostics()));
  return m;
}

bool CustomerMessages::has(const std::string& reason, Lang lang) const {
  const auto& m = lang == Lang::Nl ? nl_ : en_;
  return m.count(reason) > 0;
}

std::string CustomerMessages::text(const std::string& reason, Lang lang,
                                   std::uint64_t contact) const {
  const auto& m = lang == Lang::Nl ? nl_ : en_;
  const auto it = m.find(reason);
  if (it == m.end() || it->second.empty())
    return lang == Lang::Nl ? "Ik heb een vraag over " + reason + "."
                            : "I have a question about " + reason + ".";
  return it->second[contact % it->second.size()];
}

}  // namespace cclab
