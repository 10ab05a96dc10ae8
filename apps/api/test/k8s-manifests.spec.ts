import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { AppConfig, SECRET_CONFIG_KEYS } from '@samverkan/platform';
import { parseAllDocuments } from 'yaml';

/**
 * The Kubernetes manifests (deploy/k8s, issue #19 "Beyond one machine") hold what matters: probes on
 * health routes that exist, resources that match the memory goals, secrets only by reference, the
 * migration Job before any api or worker starts, images built by the Dockerfile, selectors that
 * select. kubectl and Helm are not available here, so the YAML is read as data.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = `${ROOT}deploy/k8s/`;

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are free-form YAML */
type Manifest = Record<string, any>;

const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const manifests: (Manifest & { file: string })[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(`${DIR}${file}`, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return { ...(doc.toJS() as Manifest), file };
  }),
);
const resources = manifests.filter((m) => m.kind !== 'Kustomization');
const kustomization = manifests.find((m) => m.kind === 'Kustomization')!;
const named = (kind: string, name: string): Manifest => {
  const found = resources.find((m) => m.kind === kind && m.metadata?.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in deploy/k8s`);
  return found;
};
const api = named('Deployment', 'samverkan-api');
const worker = named('Deployment', 'samverkan-worker');
const job = named('Job', 'samverkan-migrate');
const configMap = named('ConfigMap', 'samverkan-config');
const workloads = [api, worker, job];
const podSpec = (workload: Manifest): Manifest => workload.spec.template.spec;
const containersOf = (workload: Manifest): Manifest[] => [...(podSpec(workload).initContainers ?? []), ...podSpec(workload).containers];
const main = (workload: Manifest): Manifest => podSpec(workload).containers[0];

/** Bytes of a Kubernetes memory quantity (128M, 256Mi, 1G). */
function bytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(String(quantity));
  if (!match) throw new Error(`unreadable memory quantity ${quantity}`);
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, K: 1e3, M: 1e6, G: 1e9 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * unit;
}

/** The settings a container sees: the ConfigMap (envFrom) overlaid with its own env. */
function settingsOf(container: Manifest): Map<string, Manifest> {
  const settings = new Map<string, Manifest>();
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef?.name === configMap.metadata.name) for (const [name, value] of Object.entries(configMap.data)) settings.set(name, { name, value });
  }
  for (const variable of container.env ?? []) settings.set(variable.name, variable);
  return settings;
}

describe('the Kubernetes manifests (deploy/k8s)', () => {
  it('are valid YAML, each with a kind and a name, and the kustomization lists every file', () => {
    expect(resources.length).toBeGreaterThan(0);
    for (const m of resources) {
      expect([m.file, typeof m.apiVersion, typeof m.kind, typeof m.metadata?.name]).toEqual([m.file, 'string', 'string', 'string']);
    }
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'kustomization.yaml').sort());
    expect(kustomization.namespace).toBe(named('Namespace', 'samverkan').metadata.name);
  });

  it('probe the api on health routes that exist: liveness /api/v1/health, readiness /api/v1/health/ready', () => {
    // The OpenAPI document generated from the real routes (a test keeps it current).
    const openapi = JSON.parse(readFileSync(`${ROOT}apps/web/src/api/openapi.json`, 'utf8')) as { paths: Record<string, { get?: unknown }> };
    const container = main(api);
    const port = (probe: Manifest) => probe.httpGet.port;
    expect(container.livenessProbe.httpGet.path).toBe('/api/v1/health');
    expect(container.readinessProbe.httpGet.path).toBe('/api/v1/health/ready');
    for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
      expect(openapi.paths[probe.httpGet.path]?.get).toBeDefined();
      expect(container.ports.map((p: Manifest) => p.name)).toContain(port(probe));
    }
    // The liveness route checks no dependency: a database outage must not restart every pod.
    expect(container.livenessProbe.httpGet.path).not.toBe(container.readinessProbe.httpGet.path);
    expect(Number(settingsOf(container).get('PORT')?.value)).toBe(container.ports.find((p: Manifest) => p.name === 'http').containerPort);
  });

  it('probe the worker, which has no HTTP port, by the age of the heartbeat file it keeps', () => {
    const container = main(worker);
    expect(container.ports).toBeUndefined();
    const file = settingsOf(container).get('WORKER_HEARTBEAT_FILE')?.value as string;
    expect(file).toMatch(/^\/tmp\//);
    expect(container.volumeMounts.map((v: Manifest) => v.mountPath)).toContain('/tmp');
    for (const probe of [container.startupProbe, container.livenessProbe]) expect(probe.exec.command.join(' ')).toContain('$WORKER_HEARTBEAT_FILE');
    // The worker touches the file (apps/worker/src/main.ts).
    expect(readFileSync(`${ROOT}apps/worker/src/main.ts`, 'utf8')).toContain('config.WORKER_HEARTBEAT_FILE');
  });

  it('request the memory goals (api 250 MB, worker 200 MB per process) and bound the V8 heap below the limit', () => {
    for (const workload of workloads) {
      for (const container of containersOf(workload)) {
        expect([container.name, container.resources?.requests?.cpu, container.resources?.requests?.memory]).toEqual([
          container.name,
          expect.anything(),
          expect.anything(),
        ]);
        expect([container.name, container.resources?.limits?.cpu, container.resources?.limits?.memory]).toEqual([
          container.name,
          expect.anything(),
          expect.anything(),
        ]);
        expect(bytes(container.resources.limits.memory)).toBeGreaterThanOrEqual(bytes(container.resources.requests.memory));
      }
    }
    for (const [workload, goal] of [
      [api, 250e6],
      [worker, 200e6],
    ] as const) {
      const container = main(workload);
      expect(bytes(container.resources.requests.memory)).toBe(goal);
      const heapMb = Number(/--max-old-space-size=(\d+)/.exec(settingsOf(container).get('NODE_OPTIONS')?.value ?? '')?.[1]);
      expect(heapMb * 1e6).toBeLessThan(goal);
    }
  });

  it('take every secret from a Secret by reference and commit no secret value', () => {
    expect(resources.filter((m) => m.kind === 'Secret')).toEqual([]);
    const secretish = (name: string) => SECRET_CONFIG_KEYS.has(name as keyof AppConfig) || /SECRET|KEY|PASSWORD|TOKEN|_URL$/.test(name);
    // Non-secret URLs the ConfigMap may hold.
    const publicSettings = new Set(['PUBLIC_URL', 'WEBAUTHN_ORIGIN']);
    for (const name of Object.keys(configMap.data)) expect([name, secretish(name) && !publicSettings.has(name)]).toEqual([name, false]);
    for (const workload of workloads) {
      for (const container of containersOf(workload)) {
        for (const from of container.envFrom ?? []) expect(from.configMapRef ?? from.secretRef).toBeDefined();
        for (const variable of container.env ?? []) {
          if (!secretish(variable.name) || publicSettings.has(variable.name)) continue;
          expect([variable.name, variable.value, variable.valueFrom?.secretKeyRef?.name]).toEqual([variable.name, undefined, 'samverkan-secrets']);
        }
      }
      const env = settingsOf(main(workload));
      const needed = workload === job ? ['DATABASE_URL'] : ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'DATA_KEY', 'AUDIT_ANCHOR_KEY'];
      for (const name of needed) expect([name, env.get(name)?.valueFrom?.secretKeyRef?.key]).toEqual([name, name]);
    }
  });

  it('name only settings the application reads', () => {
    const known = new Set([...Object.keys(new AppConfig()), 'NODE_OPTIONS']);
    for (const name of Object.keys(configMap.data)) expect([name, known.has(name)]).toEqual([name, true]);
    for (const workload of workloads)
      for (const container of containersOf(workload)) for (const v of container.env ?? []) expect([v.name, known.has(v.name)]).toEqual([v.name, true]);
    // Kubernetes scales the api with pods, one process each (docs/scaling.md).
    expect(configMap.data.API_PROCESSES).toBe('1');
    expect(configMap.data.NODE_ENV).toBe('production');
  });

  it('run the migration Job before any api or worker starts: they wait for it in an init container', () => {
    const migrate = main(job).command as string[];
    expect(migrate.slice(-2)).toEqual([migrate.at(-2), 'up']);
    expect(job.spec.template.spec.restartPolicy).toMatch(/^(OnFailure|Never)$/);
    for (const workload of [api, worker]) {
      const init = podSpec(workload).initContainers as Manifest[];
      expect(init).toHaveLength(1);
      const [node, script, mode] = init[0].command as string[];
      expect([node, script, mode]).toEqual([migrate[0], migrate[1], 'wait']);
      expect(settingsOf(init[0]).get('DATABASE_URL')).toEqual(settingsOf(main(job)).get('DATABASE_URL'));
    }
    // The script is the build of apps/api/src/cli/migrate.ts, which knows both modes.
    const source = migrate[1].replace(/^dist\/apps\/api\//, '').replace(/\.js$/, '.ts');
    expect(source).toBe('apps/api/src/cli/migrate.ts');
    const cli = readFileSync(`${ROOT}${source}`, 'utf8');
    expect(cli).toContain("'wait'");
    expect(cli).toContain('pendingMigrations(');
    expect(cli).toContain('migrateUp(');
  });

  it('use images the Dockerfile builds, each container as the non-root user on a read-only root file system', () => {
    const dockerfile = readFileSync(`${ROOT}docker/Dockerfile`, 'utf8');
    // Freed argon2 blocks go back to the system, so RSS stays within the limits (#19; the Dockerfile says why).
    expect(dockerfile).toMatch(/^ENV MALLOC_MMAP_THRESHOLD_=4194304$/m);
    const targets = new Set([...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]));
    const images = new Map<string, string>(kustomization.images.map((i: Manifest) => [i.name, i.newName]));
    for (const workload of workloads) {
      const pod = podSpec(workload);
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.automountServiceAccountToken).toBe(false);
      const mounted = new Set((pod.volumes ?? []).map((v: Manifest) => v.name));
      for (const container of containersOf(workload)) {
        const target = /^samverkan-(\w+)$/.exec(container.image)?.[1];
        expect([container.image, target && targets.has(target), images.has(container.image)]).toEqual([container.image, true, true]);
        expect(container.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
        for (const mount of container.volumeMounts ?? []) expect(mounted.has(mount.name)).toBe(true);
      }
    }
    // A Job's and a Deployment's image run the same build: the api image also holds the migrations.
    expect(main(job).image).toBe(main(api).image);
    expect(existsSync(`${ROOT}apps/api/src/cli/migrate.ts`)).toBe(true);
  });

  it('select what they mean: services, budgets and the autoscaler find their pods, the ingress its service', () => {
    const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels[k] === v);
    for (const workload of [api, worker, job]) {
      const labels = workload.spec.template.metadata.labels;
      if (workload.spec.selector) expect(matches(workload.spec.selector.matchLabels, labels)).toBe(true);
    }
    // Selectors must not pick the other component's pods.
    const service = named('Service', 'samverkan-api');
    expect(matches(service.spec.selector, api.spec.template.metadata.labels)).toBe(true);
    expect(matches(service.spec.selector, worker.spec.template.metadata.labels)).toBe(false);
    expect(service.spec.ports[0].targetPort).toBe(main(api).ports[0].name);
    for (const pdb of resources.filter((m) => m.kind === 'PodDisruptionBudget')) {
      const selected = [api, worker].filter((d) => matches(pdb.spec.selector.matchLabels, d.spec.template.metadata.labels));
      expect([pdb.metadata.name, selected.length]).toEqual([pdb.metadata.name, 1]);
    }
    const hpa = named('HorizontalPodAutoscaler', 'samverkan-api');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: api.metadata.name });
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(api.spec.replicas).toBeGreaterThanOrEqual(2);
    const ingress = named('Ingress', 'samverkan');
    for (const rule of ingress.spec.rules) {
      for (const path of rule.http.paths) {
        expect(path.backend.service.name).toBe(service.metadata.name);
        expect(service.spec.ports.map((p: Manifest) => p.name)).toContain(path.backend.service.port.name);
      }
    }
    // Graceful stop: Kubernetes waits longer than the application's own shutdown bound.
    for (const workload of [api, worker]) {
      expect(podSpec(workload).terminationGracePeriodSeconds * 1000).toBeGreaterThan(Number(configMap.data.SHUTDOWN_TIMEOUT_MS));
    }
  });
});
