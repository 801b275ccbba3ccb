// Citations of a whole document attached to its passages, with the document's own context
// (a statute's title, the aliases a ruling defines, 同法 across passages).
#pragma once

#include "corpus/document.h"

namespace tsubo {

// Fills Passage::cited_statutes and cited_rulings of every passage, reading the passages in order.
// A statute's bare references (第二条第六項) cite the statute itself, except in its 附則 (they name
// the amending act's articles); the article heading a passage opens with is not a citation. 前条,
// 前項, 前号, 第二項 … count from the passage's own article and the line's paragraph and item.
// A commentary passage (Passage::provision) cites the provision it explains, and its relative
// references count from it. Keys are deduplicated per passage.
void attach_citations(Document& doc);

}  // namespace tsubo
