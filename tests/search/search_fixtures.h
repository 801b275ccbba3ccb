// Small documents shared by the searcher and server tests.
#pragma once

#include "corpus/document.h"

namespace tsubo::testing {

// statute/9001, 不正競争防止法 in two articles: 第一条 （目的） and 第二条 （定義） with 「営業秘密」's
// definition in its 6th paragraph.
Document two_article_statute();

}  // namespace tsubo::testing
