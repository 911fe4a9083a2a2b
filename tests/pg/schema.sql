-- The InferenceX dashboard's database as icq reads it (InferenceX-app, packages/db/migrations
-- 001-010), written for icq's tests from the facts of issue 25: the tables icq reads with every
-- column the migrations give them, the view of the latest attempts, and latest_benchmarks as
-- migration 009 defines "latest". Tables icq never reads (server_logs, run_stats,
-- changelog_entries) are left out. tests/pg/test_pg.py creates it in a private server.

create table schema_migrations (
  filename   text        primary key,
  applied_at timestamptz not null default now()
);
insert into schema_migrations (filename) values
  ('001_initial_schema.sql'), ('002.sql'), ('003.sql'), ('004.sql'), ('005.sql'),
  ('006.sql'), ('007.sql'), ('008.sql'), ('009.sql'), ('010.sql');

-- The 17 fields of a serving deployment are its natural key (lowercase text keys). For configs
-- that are not disaggregated the prefill fields mirror the decode fields and the worker counts are 0.
create table configs (
  id serial primary key,
  hardware    text not null check (hardware = lower(hardware)),
  framework   text not null check (framework = lower(framework)),
  model       text not null check (model = lower(model)),
  precision   text not null check (precision = lower(precision)),
  spec_method text not null check (spec_method = lower(spec_method)),
  disagg               boolean  not null default false,
  is_multinode         boolean  not null default false,
  prefill_tp           smallint not null,
  prefill_ep           smallint not null default 1,
  prefill_dp_attention boolean  not null default false,
  prefill_num_workers  smallint not null default 0,
  decode_tp            smallint not null,
  decode_ep            smallint not null default 1,
  decode_dp_attention  boolean  not null default false,
  decode_num_workers   smallint not null default 0,
  num_prefill_gpu      smallint not null,
  num_decode_gpu       smallint not null,
  constraint configs_natural_key unique (
    hardware, framework, model, precision, spec_method, disagg, is_multinode,
    prefill_tp, prefill_ep, prefill_dp_attention, prefill_num_workers,
    decode_tp, decode_ep, decode_dp_attention, decode_num_workers,
    num_prefill_gpu, num_decode_gpu)
);

create table workflow_runs (
  id             bigserial   primary key,
  github_run_id  bigint      not null,
  run_attempt    smallint    not null default 0,
  name           text        not null,
  status         text,
  conclusion     text,
  head_sha       text,
  head_branch    text,
  html_url       text,
  created_at     timestamptz not null,
  run_started_at timestamptz,
  date           date        not null,
  constraint workflow_runs_natural_key unique (github_run_id, run_attempt)
);

-- The highest attempt of each GitHub run; every read joins this, not workflow_runs.
create view latest_workflow_runs as
select distinct on (github_run_id) *
from workflow_runs
order by github_run_id, run_attempt desc;

create table benchmark_results (
  id              bigserial primary key,
  workflow_run_id bigint  not null references workflow_runs(id),
  config_id       integer not null references configs(id),
  benchmark_type  text    not null check (benchmark_type in ('single_turn', 'agentic_traces')),
  date            date    not null,
  isl             integer check (isl > 0),   -- null for agentic traces
  osl             integer check (osl > 0),
  conc            integer not null check (conc > 0),
  image           text,
  metrics         jsonb   not null,          -- the API's metric object (latencies in seconds)
  error           text,                      -- null = success
  workers         jsonb,
  offload_mode    text    not null default 'off',
  trace_replay_id bigint,
  constraint benchmark_results_unique unique nulls not distinct (
    workflow_run_id, config_id, benchmark_type, isl, osl, conc, offload_mode)
);
create index benchmark_results_run_id_idx on benchmark_results (workflow_run_id);

create table eval_results (
  id              bigserial primary key,
  workflow_run_id bigint  not null references workflow_runs(id),
  config_id       integer not null references configs(id),
  task            text    not null check (task = lower(task)),
  date            date    not null,
  isl             integer,
  osl             integer,
  conc            integer,
  lm_eval_version text,
  metrics         jsonb   not null,          -- em_strict, em_strict_se, em_flexible, em_flexible_se, n_eff
  constraint eval_results_unique unique (workflow_run_id, config_id, task, isl, osl, conc)
);

create table availability (
  model       text    not null,
  isl         integer not null,
  osl         integer not null,
  precision   text    not null,
  hardware    text    not null,
  framework   text    not null,
  spec_method text    not null,
  disagg      boolean not null default false,
  date        date    not null,
  primary key (model, isl, osl, precision, hardware, framework, spec_method, disagg, date)
);

-- "Latest" (migration 009): per line (config, benchmark_type, isl, osl, offload_mode) the one
-- winning run among error-free rows of latest attempts (newest date, then latest run_started_at,
-- then highest workflow_run_id), with every concurrency of that run. icq never reads it; the test
-- holds icq's selection to it.
create materialized view latest_benchmarks as
with winners as (
  select distinct on (br.config_id, br.benchmark_type, br.isl, br.osl, br.offload_mode)
    br.config_id, br.benchmark_type, br.isl, br.osl, br.offload_mode, br.workflow_run_id, br.date
  from benchmark_results br
  join latest_workflow_runs wr on wr.id = br.workflow_run_id
  where br.error is null
  order by br.config_id, br.benchmark_type, br.isl, br.osl, br.offload_mode,
           br.date desc, wr.run_started_at desc nulls last, br.workflow_run_id desc
)
select br.*
from benchmark_results br
join winners w on w.config_id = br.config_id and w.benchmark_type = br.benchmark_type
  and w.isl is not distinct from br.isl and w.osl is not distinct from br.osl
  and w.offload_mode = br.offload_mode and w.workflow_run_id = br.workflow_run_id and w.date = br.date
where br.error is null;
