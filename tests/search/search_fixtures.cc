#include "search/search_fixtures.h"

namespace tsubo::testing {

Document two_article_statute() {
  Document d;
  d.id = "statute/9001";
  d.type = DocType::Statute;
  d.title = "不正競争防止法";
  d.meta.law = "不正競争防止法";
  d.meta.date = "1993-05-19";
  Passage art1;
  art1.id = "statute/9001#art1";
  art1.heading_path = {"第一章　総則", "（目的）", "第一条"};
  art1.text = "第一条\nこの法律は、事業者間の公正な競争を確保することを目的とする。";
  art1.source_begin = 0;
  art1.source_end = 10;
  art1.article = "1";
  Passage art2 = art1;
  art2.id = "statute/9001#art2";
  art2.heading_path = {"第一章　総則", "（定義）", "第二条"};
  art2.text = "第二条\n６　この法律において「営業秘密」とは、秘密として管理されている技術上又は営業上の情報をいう。";
  art2.source_begin = 10;
  art2.source_end = 20;
  art2.article = "2";
  d.passages = {art1, art2};
  return d;
}

}  // namespace tsubo::testing
