// Requirement tags: which legal requirements (要件: 秘密管理性, 有用性, 非公知性, …, listed in the
// legal thesaurus) a passage discusses and, in a court's reasoning, whether the court found them met.
#pragma once

#include <string>
#include <vector>

#include "corpus/document.h"

namespace tsubo {

enum class Finding { Discussed, Affirmed, Denied };

struct RequirementTag {
  std::string requirement;  // the thesaurus name: 秘密管理性
  Finding finding = Finding::Discussed;
};

// "discussed" | "affirmed" | "denied"
const char* finding_name(Finding f);

// Tags of a passage. `court_reasoning` asks for findings: the last sentence naming the requirement
// that also says 認められない / 該当しない / いえない … (denied) or 認められる / 該当する … (affirmed)
// decides; elsewhere, and in sentences that report a party's argument (主張, 控訴の趣意, 所論, 論旨 …),
// a requirement is only "discussed".
std::vector<RequirementTag> tag_requirements(const Passage& passage, bool court_reasoning);

// "秘密管理性:denied": the form used in index terms, facets and JSON.
std::string tag_label(const RequirementTag& tag);

}  // namespace tsubo
