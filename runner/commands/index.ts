// Every `livelab` subcommand registers itself here: one module per command under runner/commands/.
import type { Command } from 'commander';
import type { CliIo } from '../io.ts';
import { registerCompare } from './compare.ts';
import { registerProfiles } from './profiles.ts';
import { registerReportCommand } from './report.ts';
import { registerScenarioCommands } from './scenario.ts';
import { registerRun } from './run.ts';
import { registerServeCommand } from './serve.ts';
import { registerStressCommand } from './stress.ts';
import { registerSweep } from './sweep.ts';

export type RegisterCommand = (program: Command, io: CliIo) => void;

export const commands: RegisterCommand[] = [registerRun, registerScenarioCommands, registerProfiles, registerReportCommand, registerCompare, registerSweep, registerServeCommand, registerStressCommand];
