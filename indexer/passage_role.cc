// Passage roles from headings: ruling section names vary (当裁判所の判断, 争点に対する判断, 判断), so
// the rules look for the words courts use rather than listing every heading.
#include "indexer/passage_role.h"

#include <string_view>

#include "text/utf8.h"

namespace tsubo {
namespace {

bool contains(std::string_view s, std::string_view what) { return s.find(what) != std::string_view::npos; }

bool ends_with(std::string_view s, std::string_view what) {
  return s.size() >= what.size() && s.compare(s.size() - what.size(), what.size(), what) == 0;
}

// （原告の主張）, 【被告の主張】, ４ 争点に関する当事者の主張: a party speaking, not the court.
bool is_claim_heading(std::string_view h) {
  if (!contains(h, "主張")) return false;
  if (ends_with(h, "について") || contains(h, "に対する判断")) return false;  // the court answering a claim
  return true;
}

}  // namespace

const char* passage_role_name(PassageRole role) {
  switch (role) {
    case PassageRole::Reasoning: return "reasoning";
    case PassageRole::Claims: return "claims";
    case PassageRole::Background: return "background";
    case PassageRole::Definition: return "definition";
    case PassageRole::Provision: return "provision";
    case PassageRole::Guidance: return "guidance";
  }
  return "provision";
}

PassageRole classify_passage(const Document& doc, const Passage& passage) {
  switch (doc.type) {
    case DocType::Guidance: return PassageRole::Guidance;
    case DocType::Statute: {
      for (const auto& h : passage.heading_path)
        if (contains(h, "（定義）")) return PassageRole::Definition;
      return contains(passage.text, "」とは、") ? PassageRole::Definition : PassageRole::Provision;
    }
    case DocType::Ruling: break;
  }
  for (const auto& h : passage.heading_path)
    if (is_claim_heading(utf8::remove_spaces(h))) return PassageRole::Claims;
  const std::string section = utf8::remove_spaces(passage.section);
  if (contains(section, "判断") || ends_with(section, "について") || section == "理由" || section == "結論" ||
      contains(section, "破棄自判"))
    return PassageRole::Reasoning;
  if (contains(section, "請求") || contains(section, "趣旨") || contains(section, "主張")) return PassageRole::Claims;
  return PassageRole::Background;
}

}  // namespace tsubo
