/** The one wire table: every kind of message, both ways (see types.ts for its shape). */
import { DISSEMINATION_WIRE } from './dissemination';
import { HANDOVER_WIRE } from './handover';
import { IDENTIFICATION_WIRE } from './identification';
import { MINUTES_WIRE } from './minutes';
import { JOINTOP_WIRE } from './jointop';
import { LIAISON_WIRE } from './liaison';
import { MISSION_WIRE } from './mission';
import { NOTICE_WIRE } from './notice';
import { REPATRIATION_WIRE } from './repatriation';
import { RESCUE_WIRE } from './rescue';
import { WireTable } from './types';
import { VERIFICATION_WIRE } from './verification';
import { WANTED_WIRE } from './wanted';

export const WIRE: WireTable = {
  ...VERIFICATION_WIRE,
  ...REPATRIATION_WIRE,
  ...HANDOVER_WIRE,
  ...JOINTOP_WIRE,
  ...NOTICE_WIRE,
  ...RESCUE_WIRE,
  ...WANTED_WIRE,
  ...MINUTES_WIRE,
  ...LIAISON_WIRE,
  ...MISSION_WIRE,
  ...DISSEMINATION_WIRE,
  ...IDENTIFICATION_WIRE,
};
