export { EmfValidationError } from '@sluice/core/lambda';
