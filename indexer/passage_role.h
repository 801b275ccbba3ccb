// What kind of text a passage is, read off its document type and heading path: the ranker prefers a
// court's own reasoning (当裁判所の判断) to the parties' claims (当事者の主張) for the same words.
#pragma once

#include <string>

#include "corpus/document.h"

namespace tsubo {

enum class PassageRole {
  Reasoning,   // a court's reasoning: 当裁判所の判断, 争点に対する判断, a criminal appeal court's answers (…の主張について)
  Claims,      // what the parties say: 当事者の主張, （原告の主張）, 控訴の趣旨, 請求
  Background,  // other parts of a ruling: 事案の概要, 前提事実, 当事者, 別紙, 主文
  Definition,  // a statute article captioned （定義）or defining terms (「…」とは)
  Provision,   // any other statute passage
  Guidance,    // guidance documents
};

// Stable lower-case names stored in the index: reasoning, claims, background, definition, provision, guidance.
const char* passage_role_name(PassageRole role);

PassageRole classify_passage(const Document& doc, const Passage& passage);

}  // namespace tsubo
