package dev.lanyard.e2e.bench;

import dev.lanyard.launcher.Ensemble;

/**
 * A load run with the CPU each process of the ensemble (and the load generator) spent per
 * completed request during it, so a claim about cost is a measurement, not an inference
 * from throughput on a shared machine.
 *
 * @param result the run's throughput and latencies
 * @param cpu one line: CPU ms per request by process ({@link CpuUse})
 */
record MeasuredRun(LoadRun.Result result, String cpu) {

	@FunctionalInterface
	interface Run {

		LoadRun.Result run() throws InterruptedException;

	}

	static MeasuredRun of(Ensemble ensemble, Run run) throws InterruptedException {
		CpuUse before = CpuUse.of(ensemble);
		LoadRun.Result result = run.run();
		return new MeasuredRun(result, CpuUse.of(ensemble).perOperationSince(before, result.ok()));
	}

}
