import { InvalidLink } from '../invalid-link';

export default function LinkNotFound() {
  return <InvalidLink />;
}
