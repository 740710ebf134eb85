// `cclab import volumes`: puts a WFM volume forecast (interval start, channel, volume, optional
// AHT) into a scenario as calendar arrivals (start_date, per_date), a specific week or a peak
// such as Black Friday (docs/fitting.md).
#include <cstdio>
#include <memory>

#include "cli/cli_support.hpp"
#include "cli/commands.hpp"
#include "fitting/volume_import.hpp"
#include "io/timestamp.hpp"
#include "results/result_dir.hpp"

namespace cclab::cli {

namespace {

struct ImportArgs {
  std::string forecast, mapping, scenario, out;
};

int importVolumesCommand(const ImportArgs& o) {
  return exitCodeOf("import volumes", [&] {
    const fitting::VolumeImport v =
        fitting::importVolumes(o.forecast, o.mapping, o.scenario, o.out);
    for (std::size_t i = 0; i < v.rows.rejectedRows.size() && i < 20; ++i)
      std::fprintf(stderr, "%s: row skipped\n", v.rows.rejectedRows[i].format().c_str());
    writeFileAtomically(o.out, v.scenarioText);
    for (const auto& line : v.rows.summary()) std::printf("%s\n", line.c_str());
    std::printf("forecast %s to %s; start_date %s (a Monday), horizon_days %d\n",
                formatIsoDate(v.firstDate).c_str(), formatIsoDate(v.lastDate).c_str(),
                formatIsoDate(v.startDate).c_str(), v.horizonDays);
    for (const auto& c : v.channels)
      std::printf(
          "  %s: %s contacts over %zu days%s\n", c.channel.c_str(), fmt(c.volume, 1).c_str(),
          c.byDate.size(),
          c.ahtVolume > 0 ? (", AHT " + fmt(c.ahtSum / c.ahtVolume, 1) + " s").c_str() : "");
    std::printf("scenario: %s\n", o.out.c_str());
    return kExitOk;
  });
}

}  // namespace

void setupImport(CLI::App& app, int& exitCode) {
  auto* imp = app.add_subcommand("import", "Import data into a scenario (docs/fitting.md)");
  imp->require_subcommand(1);
  auto o = std::make_shared<ImportArgs>();
  auto* v = imp->add_subcommand("volumes",
                                "Put a WFM volume forecast into a scenario as calendar arrivals");
  v->add_option("forecast", o->forecast, "The forecast (CSV)")->required();
  v->add_option("--mapping", o->mapping, "Mapping of the forecast's columns (YAML)")->required();
  v->add_option("--scenario", o->scenario, "The scenario to put it in (agents, handle times...)")
      ->required();
  v->add_option("-o,--out", o->out, "The scenario file to write")->required();
  v->callback([o, &exitCode] { exitCode = importVolumesCommand(*o); });
}

}  // namespace cclab::cli
