import { OneOf } from '../http/openapi/properties';

export class Health {
  @OneOf(['ok']) status!: 'ok';
}
