# The R side of the forecast benchmark: R's ets() (automatic ETS selection) and thetaf() on the last 12 quarters of
# each M3 quarterly series, 4 quarters ahead, with 80 % intervals. Run by `dotnet run -c Release --project
# benchmarks/ChainLink.Benchmarks -- forecast <m3 folder>` when Rscript is installed (scripts/install-bench-deps.sh),
# or by hand: Rscript benchmarks/forecast/compare.R <m3 folder>/m3_quarterly.csv <output.csv>
# Output: id,method,step,point,lower,upper, one line per series, method and step.
suppressPackageStartupMessages(library(forecast))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript compare.R <m3_quarterly.csv> <output.csv>")
history <- 12
horizon <- 4

lines <- readLines(args[1])[-1]
rows <- list()
for (line in lines) {
  fields <- strsplit(line, ",", fixed = TRUE)[[1]]
  id <- fields[1]
  n <- as.integer(fields[2])
  values <- as.numeric(fields[4:length(fields)])
  training <- ts(values[(n - history + 1):n], frequency = 4)
  fits <- list(
    ets = forecast(ets(training), h = horizon, level = 80),
    theta = thetaf(training, h = horizon, level = 80))
  for (method in names(fits)) {
    f <- fits[[method]]
    rows[[length(rows) + 1]] <- data.frame(id = id, method = method, step = seq_len(horizon),
      point = as.numeric(f$mean), lower = as.numeric(f$lower[, 1]), upper = as.numeric(f$upper[, 1]))
  }
}
write.csv(do.call(rbind, rows), args[2], row.names = FALSE, quote = FALSE)
