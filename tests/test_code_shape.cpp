// The shape of the code and docs, checked on every run (the architecture issue): no function of
// ours over 150 lines, no engine switched by the preprocessor, and every repository path that
// README.md and docs/ name exists (so the docs cannot drift from the layout unseen).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "io/text_file.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSrc(CCLAB_SOURCE_DIR);
constexpr int kMaxFunctionLines = 150;

/// Our C++ files: every .cpp/.hpp under the source folders (not build trees).
std::vector<fs::path> ourSources() {
  std::vector<fs::path> out;
  for (const char* dir : {"sim", "coaching", "gui", "cli", "tests", "bench"})
    for (const auto& e : fs::recursive_directory_iterator(kSrc / dir))
      if (e.path().extension() == ".cpp" || e.path().extension() == ".hpp") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// The text with comments, preprocessor lines, string and character literals blanked (newlines
/// kept).
std::string codeOnly(const std::string& t) {
  std::string s = t;
  std::size_t i = 0;
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < s.size(); ++k)
      if (s[k] != '\n') s[k] = ' ';
  };
  while (i < s.size()) {
    if (s[i] == '#' && (i == 0 || s[i - 1] == '\n')) {
      std::size_t e = s.find('\n', i);
      while (e != std::string::npos && e > 0 && s[e - 1] == '\\') e = s.find('\n', e + 1);
      blank(i, e == std::string::npos ? s.size() : e);
      i = e == std::string::npos ? s.size() : e;
    } else if (s.compare(i, 2, "//") == 0) {
      const std::size_t e = s.find('\n', i);
      blank(i, e == std::string::npos ? s.size() : e);
      i = e == std::string::npos ? s.size() : e;
    } else if (s.compare(i, 2, "/*") == 0) {
      const std::size_t e = s.find("*/", i + 2);
      const std::size_t end = e == std::string::npos ? s.size() : e + 2;
      blank(i, end);
      i = end;
    } else if (s[i] == 'R' && i + 1 < s.size() && s[i + 1] == '"') {
      const std::size_t open = s.find('(', i);
      const std::string delim = ")" + s.substr(i + 2, open - i - 2) + "\"";
      const std::size_t e = s.find(delim, open);
      const std::size_t end = e == std::string::npos ? s.size() : e + delim.size();
      blank(i, end);
      i = end;
    } else if (s[i] == '"' || (s[i] == '\'' && (i == 0 || !std::isalnum(s[i - 1])))) {
      const char q = s[i];
      std::size_t k = i + 1;
      while (k < s.size() && s[k] != q) k += s[k] == '\\' ? 2 : 1;
      blank(i, k + 1);
      i = k + 1;
    } else {
      ++i;
    }
  }
  return s;
}

enum class Scope { Namespace, Type, Function, Other };

/// What a `{` opens, from the code since the previous `;`, `{` or `}`.
Scope scopeOf(const std::string& head, Scope enclosing) {
  static const std::regex ns(R"(^\s*(namespace\b|extern\s+"))");
  static const std::regex type(R"(\b(class|struct|union|enum)\b[^()=]*$)");
  static const std::regex fn(
      R"(\)\s*(const|override|final|noexcept|mutable|->[^;{}]*|\s)*(:[^;{}]*)?\s*$)");
  if (enclosing == Scope::Function || enclosing == Scope::Other) return Scope::Other;
  if (std::regex_search(head, ns)) return Scope::Namespace;
  if (std::regex_search(head, type)) return Scope::Type;
  if (head.find('=') == std::string::npos && std::regex_search(head, fn)) return Scope::Function;
  return Scope::Other;
}

struct LongFunction {
  std::string where;
  int lines;
};

/// Functions of `file` longer than kMaxFunctionLines (from the opening to the closing brace).
std::vector<LongFunction> longFunctions(const fs::path& file) {
  const std::string code = codeOnly(cclab::readWholeFile(file.string()));
  struct Frame {
    Scope scope;
    int line;
    std::string head;
  };
  std::vector<Frame> stack;
  std::vector<LongFunction> out;
  std::size_t headStart = 0;
  int line = 1;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '\n') ++line;
    if (c == '{') {
      const std::string head = code.substr(headStart, i - headStart);
      const Scope enclosing = stack.empty() ? Scope::Namespace : stack.back().scope;
      stack.push_back({scopeOf(head, enclosing), line, head});
    } else if (c == '}' && !stack.empty()) {
      const Frame f = stack.back();
      stack.pop_back();
      const int n = line - f.line + 1;
      if (f.scope == Scope::Function && n > kMaxFunctionLines) {
        std::string name = f.head.substr(0, f.head.find('('));
        name = name.substr(name.find_last_of(" \n*&") + 1);
        out.push_back(
            {file.lexically_relative(kSrc).string() + ":" + std::to_string(f.line) + " " + name,
             n});
      }
    }
    if (c == ';' || c == '{' || c == '}') headStart = i + 1;
  }
  return out;
}

}  // namespace

TEST(CodeShape, TheScannerFindsALongFunction) {
  // The checker is checked: a 160-line function is found, a 100-line one and a long class are not.
  const fs::path dir = fs::temp_directory_path() / ("cclab-shape-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ostringstream s;
  s << "namespace x {\nstruct A {\n  int f(int a) const {\n";
  for (int i = 0; i < 158; ++i) s << "    a += \"}\"[0];  // }\n";
  s << "    return a;\n  }\n};\nvoid g() {\n";
  for (int i = 0; i < 98; ++i) s << "  [] { return 1; }();\n";
  s << "}\n}  // namespace x\n";
  std::ofstream(dir / "a.cpp") << s.str();
  const auto found = longFunctions(dir / "a.cpp");
  fs::remove_all(dir);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].where.find(" f"), std::string::npos) << found[0].where;
  EXPECT_EQ(found[0].lines, 161);
}

TEST(CodeShape, NoFunctionOver150Lines) {
  std::string report;
  for (const auto& f : ourSources())
    for (const auto& l : longFunctions(f))
      report += "  " + l.where + ": " + std::to_string(l.lines) + " lines\n";
  EXPECT_TRUE(report.empty()) << "functions over " << kMaxFunctionLines << " lines:\n" << report;
}

TEST(CodeShape, NoEngineChosenByThePreprocessor) {
  // Engines are chosen by linking (sim/engine/engines.hpp), never by #ifdef.
  for (const auto& f : ourSources()) {
    if (f.filename() == "test_code_shape.cpp") continue;
    EXPECT_EQ(cclab::readWholeFile(f.string()).find("CCLAB_NO_SIMGRID"), std::string::npos) << f;
  }
}

namespace {

/// Repository paths a Markdown text names: link targets and `code spans` that start with a
/// top-level folder of the repository (or, in docs/, a sibling page), without anchors or
/// `:line` suffixes. Placeholders (NAME, TARGET...) and globs are left out.
std::vector<std::string> namedPaths(const std::string& text) {
  static const std::regex link(R"(\]\(([^)\s]+)\))");
  static const std::regex code(R"(`([^`\s]+)`)");
  static const std::regex repo(
      R"(^(\.\./)*(sim|coaching|gui|cli|tests|bench|scripts|scenarios|examples|docs|\.ci)/[A-Za-z0-9_./-]*$|^[a-z0-9_-]+\.md$|^\.\./)");
  static const std::regex placeholder(R"((^|/)[A-Z][A-Z_]{2,}(\.|/|$))");
  std::vector<std::string> out;
  for (const std::regex* re : {&link, &code})
    for (std::sregex_iterator it(text.begin(), text.end(), *re), end; it != end; ++it) {
      std::string p = (*it)[1].str();
      p = p.substr(0, p.find('#'));
      if (const auto colon = p.find(':'); colon != std::string::npos) p = p.substr(0, colon);
      if (p.empty() || p.find("://") != std::string::npos || p.find('*') != std::string::npos)
        continue;
      if (std::regex_search(p, placeholder) || !std::regex_search(p, repo)) continue;
      out.push_back(p);
    }
  return out;
}

}  // namespace

TEST(Docs, EveryRepositoryPathTheDocsNameExists) {
  std::vector<fs::path> pages = {kSrc / "README.md", kSrc / "sim" / "README.md"};
  for (const auto& e : fs::directory_iterator(kSrc / "docs"))
    if (e.path().extension() == ".md") pages.push_back(e.path());
  std::sort(pages.begin(), pages.end());
  std::string missing;
  int checked = 0;
  for (const auto& page : pages) {
    const fs::path base = page.parent_path();
    for (const auto& p : namedPaths(cclab::readWholeFile(page.string()))) {
      // A path is taken from the page's folder, or from the repository's top; it must lie
      // inside the repository (a user's clone has nothing else) and exist.
      const std::string root = kSrc.lexically_normal().string();
      bool found = false, outside = false;
      for (const fs::path& c : {(base / p).lexically_normal(), (kSrc / p).lexically_normal()}) {
        if (c.string().rfind(root + "/", 0) != 0)
          outside = true;
        else if (fs::exists(c))
          found = true;
      }
      ++checked;
      if (!found)
        missing += "  " + page.filename().string() + ": " + p +
                   (outside ? " (outside the repository)\n" : "\n");
    }
  }
  EXPECT_GT(checked, 50) << "the docs name fewer paths than expected: is the scanner broken?";
  EXPECT_TRUE(missing.empty()) << "paths named in the docs that do not exist:\n" << missing;
}
