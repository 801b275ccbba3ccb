// Loading the thesaurus and looking expressions up.
#include "text/thesaurus.h"

#include <algorithm>

#include "text/normalize.h"
#include "text/utf8.h"

namespace tsubo {

extern const char* const kLegalThesaurusTsv;  // generated from legal_thesaurus.tsv by CMake

std::string Thesaurus::key(std::string_view expression) {
  std::string k = utf8::remove_spaces(normalize_nfkc(expression));
  std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return k;
}

Thesaurus Thesaurus::parse(std::string_view tsv) {
  Thesaurus t;
  std::size_t line_no = 0;
  std::size_t start = 0;
  while (start < tsv.size()) {
    std::size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::size_t f = 0;
    while (f <= line.size()) {
      std::size_t tab = line.find('\t', f);
      if (tab == std::string_view::npos) tab = line.size();
      const std::string field = utf8::trim(line.substr(f, tab - f));
      if (!field.empty()) fields.push_back(field);
      f = tab + 1;
    }
    const std::string where = "thesaurus line " + std::to_string(line_no) + ": ";
    if (fields.size() < 3) throw ThesaurusError(where + "needs a kind and at least two expressions");
    const std::string kind = fields.front();
    const std::vector<std::string> group(fields.begin() + 1, fields.end());
    auto add = [&](const std::string& from, const std::string& to) {
      auto& list = t.expansions_[key(from)];
      if (key(from) != key(to) && std::find(list.begin(), list.end(), to) == list.end()) list.push_back(to);
    };
    if (kind == "equiv" || kind == "requirement") {
      for (const auto& a : group)
        for (const auto& b : group) add(a, b);
      if (kind == "requirement") {
        std::vector<std::string> keys;
        for (const auto& e : group) keys.push_back(key(e));
        t.requirements_.push_back({group.front(), group, keys});
      }
    } else if (kind == "expand") {
      for (std::size_t i = 1; i < group.size(); ++i) add(group[0], group[i]);
    } else {
      throw ThesaurusError(where + "unknown kind «" + kind + "» (equiv, requirement or expand)");
    }
  }
  return t;
}

const Thesaurus& Thesaurus::builtin() {
  static const Thesaurus t = parse(kLegalThesaurusTsv);
  return t;
}

std::vector<std::string> Thesaurus::alternatives(std::string_view expression) const {
  auto it = expansions_.find(key(expression));
  return it == expansions_.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace tsubo
