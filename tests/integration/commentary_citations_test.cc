// A 逐条解説 indexed beside the statute it explains: `tsubo cites 不正競争防止法2条6項` lists the
// commentary passage on 第２条第６項, and the query resolves to the statute's article passage.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace tsubo {
namespace {

std::string run(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 65536> buf;
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  const int raw = pclose(pipe);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

TEST(CommentaryCitations, CitesListsTheCommentaryAndLinksTheArticle) {
  TSUBO_REQUIRE_CORPUS(corpus);
  const std::string db = testing::temp_dir("commentary-db") + "/db";
  const std::string bin = TSUBO_BINARY;
  int status = -1;
  run(bin + " index -q --db '" + db + "' '" + corpus + "/statutes-core/6273.txt' '" +
          testing::fixture_path("guidance/commentary-articles.txt") + "'",
      status);
  ASSERT_EQ(status, 0);

  const std::string out = run(bin + " cites --json --db '" + db + "' 不正競争防止法2条6項", status);
  ASSERT_EQ(status, 0) << out;
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j.value("target", ""), "statute/6273#art2");  // the link to the article
  std::vector<std::string> citing;
  for (const auto& p : j.at("passages")) citing.push_back(p.value("passage_id", ""));
  auto has = [&](const std::string& id) { return std::find(citing.begin(), citing.end(), id) != citing.end(); };
  EXPECT_TRUE(has("guidance/commentary-articles#s5")) << out;   // 第２条第６項（営業秘密の定義）
  EXPECT_TRUE(has("guidance/commentary-articles#s2")) << out;   // 第２条's outline: "第６項は…"
  EXPECT_FALSE(has("guidance/commentary-articles#s6")) << out;  // 第二十一条's commentary

  // 第２条第１項第４号's commentary is found under 2条 and 2条1項4号, the statute's 前号 under 2条1項3号.
  const std::string item = run(bin + " cites --json --db '" + db + "' 不正競争防止法2条1項4号", status);
  EXPECT_NE(item.find("guidance/commentary-articles#s3"), std::string::npos) << item;
  const std::string item3 = run(bin + " cites --json --db '" + db + "' 不正競争防止法2条1項7号", status);
  EXPECT_NE(item3.find("statute/6273#art2"), std::string::npos) << item3;  // 2条1項8号: 前号に規定する
}

}  // namespace
}  // namespace tsubo
