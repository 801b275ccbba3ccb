// The pieces MeCab gets: bounded in bytes, cut at sentence ends, and never a run of one kind of
// character longer than kMaxRunChars (a 3.1 MB statute of one letter kept MeCab busy 39 s).
#include "text/mecab_chunks.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/utf8.h"

namespace tsubo {
namespace {

std::vector<std::string> chunks(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from < s.size();) {
    const std::size_t to = chunk_end(s, from);
    EXPECT_GT(to, from) << "no progress at byte " << from;
    if (to <= from) break;
    out.push_back(s.substr(from, to - from));
    from = to;
  }
  return out;
}

TEST(MecabChunks, ARunOfOneKindIsCutAtTheLimit) {
  for (const std::string letter : {"a", "ア", "7", "-", "漢"}) {
    std::string text;
    for (int i = 0; i < 3000; ++i) text += letter;
    const auto pieces = chunks(text);
    ASSERT_EQ(pieces.size(), (3000 + kMaxRunChars - 1) / kMaxRunChars) << letter;
    for (const auto& p : pieces) EXPECT_LE(utf8::length(p), kMaxRunChars) << letter;
    EXPECT_EQ(utf8::length(pieces.front()), kMaxRunChars) << letter;
  }
}

TEST(MecabChunks, MixedTextIsCutOnlyAtSentenceEnds) {
  std::string text;
  while (text.size() < 3 * kMaxChunkBytes) text += "営業秘密とは、秘密として管理されている生産方法その他の事業活動に有用な技術上の情報をいう。";
  const auto pieces = chunks(text);
  ASSERT_GE(pieces.size(), 3u);
  for (std::size_t i = 0; i + 1 < pieces.size(); ++i) {
    EXPECT_LE(pieces[i].size(), kMaxChunkBytes);
    EXPECT_EQ(pieces[i].substr(pieces[i].size() - std::string("。").size()), "。");
  }
}

TEST(MecabChunks, AWordUpToTheLimitStaysInOnePiece) {
  const std::string word(kMaxRunChars, 'x');
  EXPECT_EQ(chunks("前の" + word + "の後").size(), 1u);
  EXPECT_EQ(chunks("前の" + word + "x" + "の後").size(), 2u);
}

}  // namespace
}  // namespace tsubo
