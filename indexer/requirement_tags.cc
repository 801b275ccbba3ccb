// Requirement tags by plain matching on normalised text; findings by the verbs courts conclude with.
#include "indexer/requirement_tags.h"

#include <array>
#include <string_view>

#include "text/thesaurus.h"

namespace tsubo {
namespace {

// Normalised as thesaurus keys are (NFKC, no white space), so PDF line breaks do not hide words.
constexpr std::array<std::string_view, 9> kDenials = {"認められない", "認めることはできない", "認めることができない",
                                                      "該当しない", "いえない", "言えない", "欠く", "否定",
                                                      "有しない"};
constexpr std::array<std::string_view, 8> kAffirmations = {"認められる", "認めることができる", "該当する", "肯定",
                                                           "有する", "満たす", "満たされ", "認めるのが相当"};

// A sentence reporting what a party argues, not what the court holds: 控訴の趣意は…秘密管理性が認め
// られないのに (ruling 87028), 原告は…該当しないと主張する, 所論は…, 論旨は…
constexpr std::array<std::string_view, 6> kPartyArguments = {"主張", "趣意", "所論", "論旨", "反論", "と争う"};

// Double negatives that affirm: 有用性は否定できない (ruling 87262), 認められないとはいえない, and a denial
// of what would overturn the finding: 秘密管理性の認定を覆す事情とは認められない (ruling 87028#p10).
constexpr std::array<std::string_view, 8> kCannotDeny = {"否定できない", "否定することはできない", "否定し得ない",
                                                         "ないとはいえない",  "ないとは言えない",      "覆す",
                                                         "妨げ",              "左右"};

template <std::size_t N>
bool says_any(std::string_view sentence, const std::array<std::string_view, N>& words) {
  for (auto w : words)
    if (sentence.find(w) != std::string_view::npos) return true;
  return false;
}

// The sentence (between 。) around byte offset `at`.
std::string_view sentence_at(std::string_view text, std::size_t at) {
  static constexpr std::string_view kPeriod = "。";
  std::size_t begin = text.rfind(kPeriod, at);
  begin = begin == std::string_view::npos ? 0 : begin + kPeriod.size();
  std::size_t end = text.find(kPeriod, at);
  end = end == std::string_view::npos ? text.size() : end;
  return text.substr(begin, end - begin);
}

}  // namespace

const char* finding_name(Finding f) {
  switch (f) {
    case Finding::Affirmed: return "affirmed";
    case Finding::Denied: return "denied";
    case Finding::Discussed: break;
  }
  return "discussed";
}

std::string tag_label(const RequirementTag& tag) { return tag.requirement + ":" + finding_name(tag.finding); }

std::vector<RequirementTag> tag_requirements(const Passage& passage, bool court_reasoning) {
  std::vector<RequirementTag> tags;
  const std::string text = Thesaurus::key(passage.text);
  for (const auto& req : Thesaurus::builtin().requirements()) {
    RequirementTag tag{req.name, Finding::Discussed};
    bool found = false;
    std::size_t last_decided_at = 0;
    for (const std::string& k : req.keys) {
      for (std::size_t at = text.find(k); at != std::string::npos; at = text.find(k, at + k.size())) {
        found = true;
        if (!court_reasoning) break;
        const std::string_view sentence = sentence_at(text, at);
        if (says_any(sentence, kPartyArguments)) continue;  // a party's argument: the court has not spoken
        const bool cannot_deny = says_any(sentence, kCannotDeny);
        const bool denied = !cannot_deny && says_any(sentence, kDenials);
        const bool affirmed = !denied && (cannot_deny || says_any(sentence, kAffirmations));
        if ((denied || affirmed) && at >= last_decided_at) {
          last_decided_at = at;
          tag.finding = denied ? Finding::Denied : Finding::Affirmed;
        }
      }
    }
    if (found) tags.push_back(tag);
  }
  return tags;
}

}  // namespace tsubo
