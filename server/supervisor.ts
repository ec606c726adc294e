/**
 * Stops this process when the `npm start` that started it is gone (SIGKILLed, say), instead of
 * running on unsupervised: a web process would keep its share of the port, and the next `npm start`
 * would find the port taken. node:cluster's workers did this by themselves; web processes that share
 * the port by SO_REUSEPORT, and worker processes, are ordinary children. `npm start` passes its pid
 * in MERCHLOOP_SUPERVISOR_PID; without it (npm run web, Docker) nothing is watched.
 */
export function stopWithSupervisor(stop: () => void, everyMs = 1_000) {
  const pid = Number(process.env.MERCHLOOP_SUPERVISOR_PID);
  if (!Number.isInteger(pid) || pid <= 1) return;
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0); // signal 0: only asks whether the process exists
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ESRCH") return;
      clearInterval(timer);
      process.stderr.write(`[merchloop] npm start (pid ${pid}) is gone; stopping ${process.pid}\n`);
      stop();
    }
  }, everyMs);
  timer.unref();
}
